package dev.orgbridge.events;

import dev.orgbridge.core.provisioning.Capture;
import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.support.outbox.Outbox;
import dev.orgbridge.support.outbox.OutboxEntry;
import java.util.List;
import java.util.Map;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Writes the provisioning changes of Keycloak's user and admin events to the outbox, through the session of the
 * request that made the change: success events reach listeners before the transaction commits, so the entry commits
 * with the change. Nothing is sent from here.
 */
final class ProvisioningCapture implements EventListenerProvider {

    static final String FROM_LOGIN = "login";
    static final String FROM_ADMIN = "admin";

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
        record(event.getRealmId(), Capture.ofAdminEvent(event.getResourceType().name(),
                        event.getOperationType().name(), event.getResourcePath()).stream()
                .map(change -> change.type() == EventType.USER_UPDATED
                        ? typedByEnabled(event.getRealmId(), change) : change)
                .toList(), FROM_ADMIN);
    }

    /**
     * Keycloak reports an admin's enable or disable as any other update, and only after the change: the flag before
     * it is read in a transaction of its own, which sees the committed state (one read, for admin updates of a user
     * only).
     */
    private Capture.Captured typedByEnabled(String realmId, Capture.Captured update) {
        RealmModel realm = session.realms().getRealm(realmId);
        UserModel now = realm == null ? null : session.users().getUserById(realm, update.subjectId());
        Boolean before = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(),
                committed -> {
                    RealmModel same = committed.realms().getRealm(realmId);
                    committed.getContext().setRealm(same); // Keycloak's user lookups read the realm from there
                    UserModel user = same == null ? null : committed.users().getUserById(same, update.subjectId());
                    return user == null ? null : user.isEnabled();
                });
        return now == null || before == null ? update
                : Capture.userUpdate(update.subjectId(), before, now.isEnabled());
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
