package dev.orgbridge.events;

import dev.orgbridge.core.provisioning.Capture;
import dev.orgbridge.support.outbox.Outbox;
import dev.orgbridge.support.outbox.OutboxEntry;
import java.util.List;
import java.util.Map;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;

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
                event.getOperationType().name(), event.getResourcePath()), FROM_ADMIN);
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
