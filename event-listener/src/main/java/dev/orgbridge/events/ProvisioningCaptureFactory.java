package dev.orgbridge.events;

import dev.orgbridge.core.provisioning.Capture;
import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.support.OrgbridgeProviderFactory;
import dev.orgbridge.support.outbox.Outbox;
import dev.orgbridge.support.outbox.OutboxEntry;
import java.util.List;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.workflow.WorkflowProviderEvent;
import org.keycloak.provider.ProviderEvent;

/**
 * Event listener {@code orgbridge-provisioning}: enable it on a realm (Realm settings → Events → Event listeners) to
 * capture that realm's changes for provisioning. Besides user and admin events it listens to Keycloak's model events,
 * which report every way a change happens: organization and group joins and leaves (also those made by login steps,
 * IdP mappers and workflows, where no admin event exists), users and organizations about to be removed (by an admin,
 * by the user, by a workflow) while their username or alias can still be read, and the steps Keycloak Workflows ran
 * (a workflow disables a user without any admin or user event).
 */
public final class ProvisioningCaptureFactory implements EventListenerProviderFactory,
        OrgbridgeProviderFactory<EventListenerProvider> {

    public static final String PROVIDER_ID = "orgbridge-provisioning";
    static final String FROM_MODEL = "model";
    static final String FROM_WORKFLOW = "workflow";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new ProvisioningCapture(session);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(this::onProviderEvent);
    }

    private void onProviderEvent(ProviderEvent event) {
        if (event instanceof OrganizationModel.OrganizationMemberJoinEvent join) {
            membership(join, EventType.ORGANIZATION_MEMBER_ADDED);
        } else if (event instanceof OrganizationModel.OrganizationMemberLeaveEvent leave) {
            membership(leave, EventType.ORGANIZATION_MEMBER_REMOVED);
        } else if (event instanceof GroupModel.GroupMemberJoinEvent join) {
            groupMembership(join, join.getUser(), true);
        } else if (event instanceof GroupModel.GroupMemberLeaveEvent leave) {
            groupMembership(leave, leave.getUser(), false);
        } else if (event instanceof WorkflowProviderEvent.WorkflowStepExecutedEvent step) {
            workflowStep(step);
        } else if (event instanceof UserModel.UserPreRemovedEvent removed) {
            UserModel user = removed.getUser();
            record(removed.getKeycloakSession(), removed.getRealm(), OutboxEntry.deletion(EventType.USER_DELETED,
                    user.getId(), FROM_MODEL, new OutboxEntry.LastKnown(user.getUsername(), null)));
        } else if (event instanceof GroupModel.GroupRemovedEvent removed) {
            GroupModel group = removed.getGroup();
            Capture.ofGroupDeletion(group.getType().name(), group.getId()).forEach(change ->
                    record(removed.getKeycloakSession(), removed.getRealm(), OutboxEntry.deletion(change.type(),
                            change.subjectId(), FROM_MODEL, new OutboxEntry.LastKnown(group.getName(), null))));
        } else if (event instanceof OrganizationModel.OrganizationRemovedEvent removed) {
            OrganizationModel organization = removed.getOrganization();
            KeycloakSession session = removed.getKeycloakSession();
            record(session, session.getContext().getRealm(), OutboxEntry.deletion(EventType.ORGANIZATION_DELETED,
                    organization.getId(), FROM_MODEL,
                    new OutboxEntry.LastKnown(organization.getAlias(), organization.getName())));
        }
    }

    private void membership(OrganizationModel.OrganizationMembershipEvent event, EventType type) {
        KeycloakSession session = event.getSession();
        record(session, session.getContext().getRealm(), OutboxEntry.of(type, event.getUser().getId(),
                event.getOrganization().getId(), FROM_MODEL));
    }

    private void groupMembership(GroupModel.GroupEvent event, UserModel user, boolean joined) {
        GroupModel group = event.getGroup();
        Capture.ofGroupMembership(group.getType().name(), joined, user.getId(), group.getId())
                .forEach(change -> record(event.getKeycloakSession(), event.getRealm(),
                        OutboxEntry.of(change.type(), change.subjectId(), change.relatedId(), FROM_MODEL)));
    }

    /**
     * Keycloak fires this after the step's own transaction committed, from the workflow's background task, whose
     * transaction runs on through later steps; the entry is written in a transaction of its own, so a later step
     * that fails cannot take it back.
     */
    private void workflowStep(WorkflowProviderEvent.WorkflowStepExecutedEvent step) {
        List<Capture.Captured> changes = Capture.ofWorkflowStep(step.getStepProviderId(),
                step.getResourceType() == null ? null : step.getResourceType().name(), step.getResourceId());
        RealmModel realm = step.getRealm();
        if (changes.isEmpty() || realm == null) {
            return;
        }
        String realmId = realm.getId();
        KeycloakModelUtils.runJobInTransaction(step.getKeycloakSession().getKeycloakSessionFactory(), session ->
                changes.forEach(change -> record(session, session.realms().getRealm(realmId),
                        OutboxEntry.of(change.type(), change.subjectId(), change.relatedId(), FROM_WORKFLOW))));
    }

    private static void record(KeycloakSession session, RealmModel realm, OutboxEntry entry) {
        if (realm != null && realm.getEventsListenersStream().anyMatch(PROVIDER_ID::equals)) {
            new Outbox(session).add(realm.getId(), entry);
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
