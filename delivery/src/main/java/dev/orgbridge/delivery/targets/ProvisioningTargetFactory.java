package dev.orgbridge.delivery.targets;

import org.keycloak.component.ComponentFactory;

/** A kind of provisioning target: {@code orgbridge-webhook}, {@code orgbridge-scim}, {@code orgbridge-email-notifications}. */
public interface ProvisioningTargetFactory extends ComponentFactory<ProvisioningTarget, ProvisioningTarget> {
}
