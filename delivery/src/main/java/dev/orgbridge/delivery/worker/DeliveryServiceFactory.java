package dev.orgbridge.delivery.worker;

import org.keycloak.provider.ProviderFactory;

/** Makes the {@link DeliveryService} of SPI {@code orgbridge-delivery}. */
public interface DeliveryServiceFactory extends ProviderFactory<DeliveryService> {
}
