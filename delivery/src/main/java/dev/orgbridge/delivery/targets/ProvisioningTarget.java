package dev.orgbridge.delivery.targets;

import org.keycloak.provider.Provider;

/**
 * A downstream system a realm provisions to, or the admins it mails about provisioning
 * ({@link EmailNotificationTarget}), configured as a Keycloak component of provider type
 * {@code dev.orgbridge.delivery.targets.ProvisioningTarget} (so it is stored per realm, exported with the realm, and
 * its secrets are masked in admin answers).
 */
public interface ProvisioningTarget extends Provider {

    @Override
    default void close() {
        // holds no resources
    }
}
