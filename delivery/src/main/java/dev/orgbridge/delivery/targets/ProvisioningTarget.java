package dev.orgbridge.delivery.targets;

import dev.orgbridge.core.provisioning.CurrentStateCall;
import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.support.outbox.OutboxEntry;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * A downstream system a realm provisions to, or the admins it mails about provisioning
 * ({@link EmailNotificationTarget}), configured as a Keycloak component of provider type
 * {@code dev.orgbridge.delivery.targets.ProvisioningTarget} (so it is stored per realm, exported with the realm, and
 * its secrets are masked in admin answers). The worker asks it what to send for each call, inside a transaction, and
 * sends it outside one.
 */
public interface ProvisioningTarget extends Provider {

    /** The component's id: the target's identity in the delivery tables. */
    String componentId();

    DeliveryPolicy policy();

    /** Whether changes of this type are queued for this target at all. */
    boolean wants(EventType type);

    /** Whether this change is queued for this target: by its type, unless the target looks closer. */
    default boolean wants(OutboxEntry change) {
        return wants(change.type());
    }

    /**
     * Reads what to send for one call, with the subject's current state; empty when the target needs nothing (the
     * subject is out of its scope, or gone and its deletion follows).
     */
    Optional<Outgoing> prepare(CallContext call);

    /**
     * Whether the target keeps users an admin can provision now or re-sync: its event types take user creations or
     * updates.
     */
    default boolean takesUserChanges() {
        return CurrentStateCall.of(false, this::wants).isPresent();
    }

    /**
     * Whether the user, as now, is in the target's scope (a re-sync queues the users it receives, and those it still
     * holds); false for a target that takes no users.
     */
    default boolean receives(KeycloakSession session, RealmModel realm, UserModel user) {
        return false;
    }

    /**
     * Whether the target keeps Keycloak groups and their members: a re-sync then walks the realm's groups after its
     * users and queues a {@link EventType#GROUP_SYNCED} call for each.
     */
    default boolean pushesGroups() {
        return false;
    }

    @Override
    default void close() {
        // holds no resources
    }
}
