package dev.orgbridge.delivery.targets;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;

/** The targets of a realm, from their components. */
public final class ProvisioningTargets {

    /** The component provider type of every target. */
    public static final String TYPE = ProvisioningTarget.class.getName();

    private ProvisioningTargets() {
    }

    /** The target a component configures; throws when its settings cannot work (or its kind is not installed). */
    public static ProvisioningTarget of(KeycloakSession session, ComponentModel component) {
        ProvisioningTargetFactory factory = (ProvisioningTargetFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(ProvisioningTarget.class, component.getProviderId());
        if (factory == null) {
            throw new IllegalStateException("no provisioning target kind " + component.getProviderId()
                    + " is installed");
        }
        return factory.create(session, component);
    }
}
