package dev.orgbridge.delivery.targets;

import org.keycloak.component.ComponentFactory;

/** A kind of provisioning target (webhook, email notifications to admins; SCIM to come). */
public interface ProvisioningTargetFactory extends ComponentFactory<ProvisioningTarget, ProvisioningTarget> {
}
