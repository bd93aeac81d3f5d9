package dev.orgbridge.events;

import dev.orgbridge.core.provisioning.Capture;
import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.support.organization.ManagedMembers;
import dev.orgbridge.support.outbox.Outbox;
import dev.orgbridge.support.outbox.OutboxEntry;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * Writes the provisioning changes of Keycloak's user and admin events to the outbox, through the session of the
 * request that made the change: success events reach listeners before the transaction commits, so the entry commits
 * with the change. Nothing is sent from here.
 */
final class ProvisioningCapture implements EventListenerProvider {

    static final String FROM_LOGIN = "login";
    static final String FROM_ADMIN = "admin";
    /** Managed members of a disabled or enabled organization read and recorded at a time. */
    static final int MEMBERS_PAGE = 500;

    private final KeycloakSession session;

    ProvisioningCapture(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getError() != null) {
            return; // error events are stored in a transaction of their own and change nothing
        }
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        record(event.getRealmId(), Capture.ofUserEvent(event.getType().name(), event.getUserId(), details),
                FROM_LOGIN);
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getError() != null || event.getResourceType() == null || event.getOperationType() == null) {
            return;
        }
        List<Capture.Captured> changes = Capture.ofAdminEvent(event.getResourceType().name(),
                        event.getOperationType().name(), event.getResourcePath()).stream()
                .map(change -> change.type() == EventType.USER_UPDATED
                        ? typedByEnabled(event.getRealmId(), change) : change)
                .toList();
        record(event.getRealmId(), changes, FROM_ADMIN);
        changes.stream().filter(change -> change.type() == EventType.ORGANIZATION_UPDATED)
                .forEach(change -> managedMembersOf(event.getRealmId(), change.subjectId()));
        if (Capture.mayTurnOrganizationsOnOrOff(event.getResourceType().name(), event.getOperationType().name())) {
            managedMembersOfRealm(event.getRealmId());
        }
    }

    /**
     * Keycloak reports an admin's enable or disable as any other update, and only after the change: the flag before
     * it is read in a transaction of its own, which sees the committed state (one read, for admin updates of a user
     * only).
     */
    private Capture.Captured typedByEnabled(String realmId, Capture.Captured update) {
        RealmModel realm = session.realms().getRealm(realmId);
        UserModel now = realm == null ? null : session.users().getUserById(realm, update.subjectId());
        Boolean before = committed(realmId, (committed, same) -> {
            UserModel user = committed.users().getUserById(same, update.subjectId());
            return user == null ? null : user.isEnabled();
        });
        return now == null || before == null ? update
                : Capture.userUpdate(update.subjectId(), before, now.isEnabled());
    }

    /**
     * Keycloak presents the managed members of a disabled organization as disabled (no login, no token refresh) and
     * reports nothing for them: when an admin's update disabled or enabled the organization (its flag as committed
     * before the request, read as for a user), each managed member gets an entry in this transaction, a page of
     * members at a time.
     */
    private void managedMembersOf(String realmId, String organizationId) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel now = organizations == null ? null : organizations.getById(organizationId);
        if (now == null) {
            return;
        }
        Boolean before = committed(realmId, (committed, same) -> {
            OrganizationModel organization = committed.getProvider(OrganizationProvider.class).getById(organizationId);
            return organization == null ? null : organization.isEnabled();
        });
        if (before == null || !Capture.changesManagedMembers(before, now.isEnabled())) {
            return;
        }
        ManagedMembers members = new ManagedMembers(session);
        recordManagedMembers(realmId, before, now.isEnabled(),
                after -> members.after(organizationId, after, MEMBERS_PAGE));
    }

    /**
     * Turning the realm's Organizations off presents every managed member of the realm as disabled, as if each
     * organization were disabled (and on again restores them); Keycloak reports a realm update only.
     */
    private void managedMembersOfRealm(String realmId) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return;
        }
        Boolean before = committed(realmId, (committed, same) -> same.isOrganizationsEnabled());
        if (before == null || !Capture.changesManagedMembers(before, realm.isOrganizationsEnabled())) {
            return;
        }
        ManagedMembers members = new ManagedMembers(session);
        recordManagedMembers(realmId, before, realm.isOrganizationsEnabled(),
                after -> members.ofEnabledOrganizations(realmId, after, MEMBERS_PAGE));
    }

    /**
     * Writes each managed member's entry, a page at a time (pages of {@link #MEMBERS_PAGE}, by id, each one read
     * after the last id of the one before), through this transaction.
     */
    private void recordManagedMembers(String realmId, boolean wasEnabled, boolean enabled,
                                      Function<String, List<ManagedMembers.Member>> pageAfter) {
        Outbox outbox = new Outbox(session);
        List<ManagedMembers.Member> page = pageAfter.apply("");
        while (!page.isEmpty()) {
            outbox.addPage(realmId, page.stream()
                    .flatMap(member -> Capture.managedMember(member.id(), member.enabled(), wasEnabled, enabled)
                            .stream())
                    .map(change -> OutboxEntry.of(change.type(), change.subjectId(), change.relatedId(), FROM_ADMIN))
                    .toList());
            page = page.size() < MEMBERS_PAGE ? List.of() : pageAfter.apply(page.get(page.size() - 1).id());
        }
    }

    /**
     * Reads in a transaction of its own, which sees the state committed before this request (Keycloak reports an
     * admin's change only after making it).
     */
    private <T> T committed(String realmId, BiFunction<KeycloakSession, RealmModel, T> read) {
        return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), committed -> {
            RealmModel realm = committed.realms().getRealm(realmId);
            if (realm == null) {
                return null;
            }
            committed.getContext().setRealm(realm); // Keycloak's user and organization lookups read it from there
            return read.apply(committed, realm);
        });
    }

    private void record(String realmId, List<Capture.Captured> changes, String source) {
        if (changes.isEmpty()) {
            return;
        }
        Outbox outbox = new Outbox(session);
        changes.forEach(change -> outbox.add(realmId,
                OutboxEntry.of(change.type(), change.subjectId(), change.relatedId(), source)));
    }

    @Override
    public void close() {
        // the session is the request's
    }
}
