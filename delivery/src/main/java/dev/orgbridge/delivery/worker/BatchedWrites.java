package dev.orgbridge.delivery.worker;

import dev.orgbridge.support.delivery.DeliveryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.KeycloakSessionTask;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * What a round's calls write to the provisioning log, committed {@value #BATCH} at a time: one transaction for many
 * calls instead of one each, which on a busy database is most of a call's cost. Nothing within the round reads these
 * writes except a subject's own next call, which flushes first; the round flushes before it ends. A crash loses at
 * most the writes not yet committed: their rows stay pending and are sent again with the same message ids, which
 * receivers dedupe on (at least once, as a crash between a call and its write always did). The rows a batch changes
 * are read with two queries (deliveries, what the target holds), not two per write.
 */
final class BatchedWrites {

    private static final Logger LOG = Logger.getLogger(BatchedWrites.class);
    static final int BATCH = 50;

    private final KeycloakSessionFactory sessionFactory;
    private final String targetId;
    private final ConcurrentLinkedQueue<Write> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    /** Held while a batch is written, so that a flush returns only once every write queued before it is committed. */
    private final ReentrantLock flushing = new ReentrantLock();

    BatchedWrites(KeycloakSessionFactory sessionFactory, String targetId) {
        this.sessionFactory = sessionFactory;
        this.targetId = targetId;
    }

    /**
     * What one call (or one skip) writes.
     *
     * @param subjectId   whose record of what the target holds it may change
     * @param deliveryIds the deliveries it settles
     */
    record Write(String subjectId, List<String> deliveryIds, KeycloakSessionTask task) {
    }

    /**
     * Queues a write; commits the queue once it holds a batch, unless another call thread is committing one: then the
     * write waits for the next, and this thread goes on calling instead of queueing up behind that commit.
     */
    void add(Write write) {
        queued.add(write);
        if (size.incrementAndGet() >= BATCH && flushing.tryLock()) {
            try {
                writeQueued();
            } finally {
                flushing.unlock();
            }
        }
    }

    /**
     * Commits every queued write in one transaction, in the order queued; when it returns, every write queued before
     * the call is committed (a commit under way on another thread is waited for). If that transaction fails, each
     * write is tried in a transaction of its own, so that one bad write does not take the others with it.
     */
    void flush() {
        flushing.lock();
        try {
            writeQueued();
        } finally {
            flushing.unlock();
        }
    }

    private void writeQueued() {
        List<Write> batch = new ArrayList<>();
        for (Write write = queued.poll(); write != null; write = queued.poll()) {
            batch.add(write);
            size.decrementAndGet();
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            KeycloakModelUtils.runJobInTransaction(sessionFactory, session -> {
                DeliveryStore store = new DeliveryStore(session);
                store.loadDeliveries(batch.stream().flatMap(write -> write.deliveryIds().stream()).toList());
                store.loadRemotes(targetId, batch.stream().map(Write::subjectId).distinct().toList());
                batch.forEach(write -> write.task().run(session));
            });
        } catch (RuntimeException e) {
            LOG.warnf("Orgbridge could not write %d delivery results at once (%s); writing them one by one",
                    batch.size(), e.getMessage());
            for (Write write : batch) {
                try {
                    KeycloakModelUtils.runJobInTransaction(sessionFactory, write.task());
                } catch (RuntimeException failed) {
                    LOG.errorf(failed, "Orgbridge could not write a delivery result; its rows stay pending and are "
                            + "sent again");
                }
            }
        }
    }
}
