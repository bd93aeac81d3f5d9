package dev.orgbridge.delivery.worker;

import dev.orgbridge.support.delivery.DeliveryStore;
import dev.orgbridge.support.delivery.ResyncJobs;
import dev.orgbridge.support.outbox.Outbox;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The delivery worker of one node. Keycloak's timer ticks it; a tick starts a run unless one is going. A run
 * dispatches the outbox, then delivers to each target with work due whose lease this node gets, until no work is
 * left. Everything it decides on is in the database, so nodes share the work and a node's crash loses nothing: an
 * entry stays in the outbox until dispatched, a delivery stays pending until recorded, a lease expires.
 */
final class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** Runs in a row before the worker yields to the next tick even if work is left. */
    private static final int MAX_PASSES = 50;
    private static final long PURGE_EVERY_MILLIS = 10 * 60 * 1000L;

    private final KeycloakSessionFactory sessionFactory;
    private final WorkerOptions options;
    private final String owner = "node-" + UUID.randomUUID();
    private final Dispatcher dispatcher;
    private final ResyncWalker resync;
    private final Notices notices;
    private final Digests digests;
    private final ExecutorService runs;
    private final ExecutorService calls;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopped;
    private long purgedAt;

    DeliveryWorker(KeycloakSessionFactory sessionFactory, WorkerOptions options) {
        this.sessionFactory = sessionFactory;
        this.options = options;
        this.dispatcher = new Dispatcher(options.batchSize());
        this.resync = new ResyncWalker(sessionFactory, options, owner);
        this.notices = new Notices(sessionFactory);
        this.digests = new Digests(sessionFactory);
        this.runs = Executors.newSingleThreadExecutor(named("orgbridge-delivery"));
        this.calls = Executors.newFixedThreadPool(options.threads(), named("orgbridge-delivery-call"));
    }

    /** From Keycloak's timer: starts a run on the worker's own thread, never blocking the timer. */
    void tick() {
        if (!stopped && running.compareAndSet(false, true)) {
            runs.execute(this::run);
        }
    }

    private void run() {
        try {
            for (int pass = 0; pass < MAX_PASSES && !stopped && pass(); pass++) {
                // another pass: work is left
            }
            digests.send();
            purge();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Orgbridge delivery run failed; the next tick tries again");
        } finally {
            running.set(false);
        }
    }

    /** One pass; true when work is left. */
    private boolean pass() {
        boolean more = Boolean.TRUE.equals(
                KeycloakModelUtils.runJobInTransactionWithResult(sessionFactory, dispatcher::dispatch));
        more |= resync.walk();
        List<String> due = KeycloakModelUtils.runJobInTransactionWithResult(sessionFactory,
                session -> new DeliveryStore(session).dueTargets(Time.currentTimeMillis()));
        for (String targetId : due) {
            if (stopped) {
                return false;
            }
            more |= new TargetRound(sessionFactory, options, owner, targetId).run(calls, notices);
        }
        return more;
    }

    private void purge() {
        long now = Time.currentTimeMillis();
        if (now - purgedAt < PURGE_EVERY_MILLIS) {
            return;
        }
        purgedAt = now;
        long before = now - options.retention().toMillis();
        KeycloakModelUtils.runJobInTransaction(sessionFactory, session -> {
            int deliveries = new DeliveryStore(session).purge(before);
            int entries = new Outbox(session).purge(before);
            new ResyncJobs(session).purge(before);
            if (deliveries + entries > 0) {
                LOG.debugf("Orgbridge purged %d settled deliveries and %d undeliverable outbox entries", deliveries,
                        entries);
            }
        });
    }

    void stop() {
        stopped = true;
        runs.shutdown();
        calls.shutdown();
        try {
            if (!runs.awaitTermination(15, TimeUnit.SECONDS)) {
                runs.shutdownNow();
                calls.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
