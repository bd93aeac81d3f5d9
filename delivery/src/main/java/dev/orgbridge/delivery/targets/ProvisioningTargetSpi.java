package dev.orgbridge.delivery.targets;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** Orgbridge's own SPI: the component type of provisioning targets. */
public final class ProvisioningTargetSpi implements Spi {

    public static final String NAME = "orgbridge-provisioning-target";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return ProvisioningTarget.class;
    }

    @Override
    public Class<? extends ProviderFactory<?>> getProviderFactoryClass() {
        return ProvisioningTargetFactory.class;
    }
}
