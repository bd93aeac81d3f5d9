package dev.orgbridge.events;

import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.support.OrgbridgeProviderFactory;
import dev.orgbridge.support.outbox.Outbox;
import dev.orgbridge.support.outbox.OutboxEntry;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Event listener {@code orgbridge-provisioning}: enable it on a realm (Realm settings → Events → Event listeners) to
 * capture that realm's changes for provisioning. Besides user and admin events it listens to Keycloak's organization
 * membership events, which also report joins made by login steps (Orgbridge's and Keycloak's), where no admin event
 * exists.
 */
public final class ProvisioningCaptureFactory implements EventListenerProviderFactory,
        OrgbridgeProviderFactory<EventListenerProvider> {

    public static final String PROVIDER_ID = "orgbridge-provisioning";
    static final String FROM_MODEL = "model";

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
        }
    }

    private void membership(OrganizationModel.OrganizationMembershipEvent event, EventType type) {
        KeycloakSession session = event.getSession();
        RealmModel realm = session.getContext().getRealm();
        if (realm != null && realm.getEventsListenersStream().anyMatch(PROVIDER_ID::equals)) {
            new Outbox(session).add(realm.getId(), OutboxEntry.of(type, event.getUser().getId(),
                    event.getOrganization().getId(), FROM_MODEL));
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
