package dev.orgbridge.delivery.worker;

import dev.orgbridge.support.OrgbridgeProviderFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.TimerProvider;

/**
 * Starts the node's delivery worker when Keycloak starts and ticks it with Keycloak's timer; every node runs one, and
 * the targets' leases in the database decide which node delivers to which target. Server options: see
 * {@link WorkerOptions}.
 */
public final class DeliveryWorkerFactory implements DeliveryServiceFactory,
        OrgbridgeProviderFactory<DeliveryService> {

    public static final String PROVIDER_ID = "orgbridge-worker";
    static final String TASK_NAME = "orgbridge-delivery";

    private WorkerOptions options = WorkerOptions.DEFAULT;
    private volatile DeliveryWorker worker;

    @Override
    public void init(Config.Scope config) {
        options = WorkerOptions.of(config);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        worker = new DeliveryWorker(factory, options);
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                .schedule(this::nudge, options.interval().toMillis(), TASK_NAME));
    }

    private void nudge() {
        DeliveryWorker running = worker;
        if (running != null) {
            running.tick();
        }
    }

    /** A handle on the worker: sessions close their providers, and closing the handle must not stop the worker. */
    @Override
    public DeliveryService create(KeycloakSession session) {
        return this::nudge;
    }

    @Override
    public void close() {
        DeliveryWorker running = worker;
        if (running != null) {
            running.stop();
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
