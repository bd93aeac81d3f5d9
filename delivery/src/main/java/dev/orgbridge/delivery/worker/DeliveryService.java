package dev.orgbridge.delivery.worker;

import org.keycloak.provider.Provider;

/** The node's delivery worker, as Keycloak providers and Orgbridge's admin API reach it. */
public interface DeliveryService extends Provider {

    /** Starts a delivery run now instead of at the next tick (e.g. after an admin queued dead letters again). */
    void nudge();

    @Override
    default void close() {
        // the worker belongs to the factory
    }
}
