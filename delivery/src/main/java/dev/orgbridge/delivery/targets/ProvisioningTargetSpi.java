package dev.orgbridge.delivery.targets;

import dev.orgbridge.support.OrgbridgeSpi;

/** Orgbridge's own SPI: the component type of provisioning targets. */
public final class ProvisioningTargetSpi extends OrgbridgeSpi {

    public static final String NAME = "orgbridge-provisioning-target";

    public ProvisioningTargetSpi() {
        super(NAME, ProvisioningTarget.class, ProvisioningTargetFactory.class);
    }
}
