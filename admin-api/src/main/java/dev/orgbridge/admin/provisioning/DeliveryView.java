package dev.orgbridge.admin.provisioning;

import dev.orgbridge.support.delivery.DeliveryEntity;
import java.util.Locale;

/**
 * One entry of the provisioning log, {@code GET …/orgbridge/provisioning/deliveries}.
 *
 * @param subjectId   the user or organization; the group of a re-sync's {@code group.synced} call
 * @param relatedId   the organization or group of a membership change
 * @param status      {@code pending}, {@code delivered}, {@code skipped} or {@code dead}
 * @param lastStatus  the target's last HTTP status, if it answered
 * @param lastError   short, log-safe words on the last failure (or why it was skipped or given up)
 * @param messageId   the call's id ({@code webhook-id})
 * @param resyncJobId the re-sync job that queued it; null for a change
 */
public record DeliveryView(String id, String targetId, String type, String subjectId, String relatedId,
                           String source, String status, int attempts, long queuedAt, Long lastAttemptAt,
                           Long nextAttemptAt, Integer lastStatus, String lastError, String messageId, Long doneAt,
                           String resyncJobId) {

    static DeliveryView of(DeliveryEntity row) {
        boolean pending = row.doneAt() == null;
        return new DeliveryView(row.id(), row.targetId(), row.type().wireName(), row.subjectId(), row.relatedId(),
                row.source(), row.status().name().toLowerCase(Locale.ROOT), row.attempts(), row.queuedAt(),
                row.lastAt(), pending ? Long.valueOf(row.nextAt()) : null, row.lastStatus(), row.lastError(),
                row.messageId(), row.doneAt(), row.resyncJobId());
    }
}
