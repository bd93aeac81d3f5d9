package dev.orgbridge.delivery.worker;

import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.core.provisioning.NextStep;
import dev.orgbridge.delivery.targets.Attempt;
import dev.orgbridge.support.delivery.DeliveryEntity;
import dev.orgbridge.support.delivery.DeliveryStatus;
import dev.orgbridge.support.delivery.DeliveryStore;
import dev.orgbridge.support.delivery.RemoteEntity;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;

/**
 * Records what one call to a target came to, in the caller's transaction: the deliveries it covered become delivered,
 * wait for a retry (and the subject's later ones behind them) or become dead letters, and what the target holds of the
 * subject (ORGBRIDGE_REMOTE) follows a success. The worker's rounds and an admin's provision-now record alike.
 */
final class Settlement {

    private static final int MAX_DETAIL = 255;

    private final DeliveryStore store;
    private final String targetId;

    Settlement(KeycloakSession session, String targetId) {
        this.store = new DeliveryStore(session);
        this.targetId = targetId;
    }

    /**
     * @param covered the deliveries the call settles
     * @param later   the subject's deliveries after them, which wait behind a retry
     */
    void record(EventType type, String subjectId, List<String> covered, List<String> later, String messageId,
                Attempt attempt, String contentHash, NextStep next, long now) {
        List<DeliveryEntity> entities = store.deliveries(covered);
        String detail = truncate(attempt.describe());
        if (next instanceof NextStep.Delivered) {
            entities.forEach(row -> row.settle(DeliveryStatus.DELIVERED, messageId, attempt.httpStatus(), null, now));
            remember(type, subjectId, attempt.remoteId(), contentHash, now);
        } else if (next instanceof NextStep.RetryAt retry) {
            long at = retry.at().toEpochMilli();
            entities.forEach(row -> row.failed(messageId, attempt.httpStatus(), detail, now, at));
            store.countFailures(targetId, 1, 0);
            later.forEach(id -> Optional.ofNullable(store.delivery(id)).ifPresent(row -> row.waitUntil(at)));
        } else {
            NextStep.DeadLetter dead = (NextStep.DeadLetter) next;
            String why = truncate("dead letter (" + dead.reason().words() + "): " + attempt.describe());
            entities.forEach(row -> row.settle(DeliveryStatus.DEAD, messageId, attempt.httpStatus(), why, now));
            store.countFailures(targetId, 1, entities.size());
        }
    }

    /** Settles deliveries that needed no call (skipped) or could not be made (dead). */
    void settle(List<String> ids, DeliveryStatus status, String messageId, Integer httpStatus, String detail,
                long now) {
        store.deliveries(ids).forEach(row -> row.settle(status, messageId, httpStatus, truncate(detail), now));
        if (status == DeliveryStatus.DEAD) {
            store.countFailures(targetId, 0, ids.size());
        }
    }

    /** What the target now holds of the subject: its remote id and the content delivered; a tombstone after a deletion. */
    private void remember(EventType type, String subjectId, String remoteId, String contentHash, long now) {
        if (type.change() == EventType.Change.DELETED) {
            Optional.ofNullable(store.remote(targetId, subjectId)).ifPresent(remote -> remote.deleted(now));
            return;
        }
        RemoteEntity remote = store.remoteOrNew(targetId, subjectId);
        remote.delivered(remoteId, type.isMembership() ? remote.contentHash() : contentHash, now);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL - 1) + "…";
    }
}
