package dev.orgbridge.delivery.worker;

import dev.orgbridge.support.OrgbridgeSpi;

/** Orgbridge's SPI {@code orgbridge-delivery}: the background worker that delivers the provisioning outbox. */
public final class DeliverySpi extends OrgbridgeSpi {

    public static final String NAME = "orgbridge-delivery";

    public DeliverySpi() {
        super(NAME, DeliveryService.class, DeliveryServiceFactory.class);
    }
}
