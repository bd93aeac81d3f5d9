package dev.orgbridge.delivery.worker;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** Orgbridge's SPI {@code orgbridge-delivery}: the background worker that delivers the provisioning outbox. */
public final class DeliverySpi implements Spi {

    public static final String NAME = "orgbridge-delivery";

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
        return DeliveryService.class;
    }

    @Override
    public Class<? extends ProviderFactory<?>> getProviderFactoryClass() {
        return DeliveryServiceFactory.class;
    }
}
