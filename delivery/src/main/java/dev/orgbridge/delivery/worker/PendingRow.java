package dev.orgbridge.delivery.worker;

import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.support.delivery.DeliveryEntity;
import dev.orgbridge.support.outbox.OutboxEntry;

/**
 * A pending delivery as read at the start of a round: what the round needs once the transaction is gone.
 *
 * @param resync whether a re-sync job queued it (sent even when unchanged since the last delivery)
 */
record PendingRow(String id, EventType type, String subjectId, String relatedId, OutboxEntry.LastKnown lastKnown,
                  long sequence, long queuedAt, int attempts, long nextAt, boolean resync) {

    static PendingRow of(DeliveryEntity row) {
        return new PendingRow(row.id(), row.type(), row.subjectId(), row.relatedId(), row.lastKnown(),
                row.sequence(), row.queuedAt(), row.attempts(), row.nextAt(), row.resyncJobId() != null);
    }
}
