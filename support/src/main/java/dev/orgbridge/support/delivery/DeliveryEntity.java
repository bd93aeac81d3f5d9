package dev.orgbridge.support.delivery;

import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.support.outbox.OutboxEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One row of table ORGBRIDGE_DELIVERY: an outbox change fanned out to one target. Pending rows are the target's
 * queue; settled rows are its provisioning log until they expire.
 */
@Entity
@Table(name = "ORGBRIDGE_DELIVERY")
@NamedQuery(name = "orgbridgeDeliveriesById", query = "select d from DeliveryEntity d where d.id in :ids")
@NamedQuery(name = "orgbridgeDeliveryQueue", query = "select d from DeliveryEntity d where d.targetId = :targetId "
        + "and d.status = dev.orgbridge.support.delivery.DeliveryStatus.PENDING order by d.sequence")
@NamedQuery(name = "orgbridgeDeliveryDueTargets", query = "select distinct d.targetId from DeliveryEntity d "
        + "where d.status = dev.orgbridge.support.delivery.DeliveryStatus.PENDING and d.nextAt <= :now")
@NamedQuery(name = "orgbridgeDeliveryCount", query = "select d.status, count(d) from DeliveryEntity d "
        + "where d.targetId = :targetId group by d.status")
@NamedQuery(name = "orgbridgeDeliveryRecentDeletions", query = "select count(d) from DeliveryEntity d, RemoteEntity r "
        + "where d.targetId = :targetId and d.eventType = :deleted and d.queuedAt >= :since "
        + "and d.status <> dev.orgbridge.support.delivery.DeliveryStatus.SKIPPED "
        + "and r.targetId = d.targetId and r.subjectId = d.subjectId "
        + "and (r.deletedAt is null or r.deletedAt >= :since)")
@NamedQuery(name = "orgbridgeDeliveryRetryDead", query = "update DeliveryEntity d "
        + "set d.status = dev.orgbridge.support.delivery.DeliveryStatus.PENDING, d.attempts = 0, d.nextAt = :now, "
        + "d.queuedAt = :now, d.doneAt = null where d.targetId = :targetId "
        + "and d.status = dev.orgbridge.support.delivery.DeliveryStatus.DEAD")
@NamedQuery(name = "orgbridgeDeliveryRecentFailures", query = "select d from DeliveryEntity d "
        + "where d.targetId = :targetId and d.lastAt >= :since and d.lastError is not null "
        + "and d.status in (dev.orgbridge.support.delivery.DeliveryStatus.PENDING, "
        + "dev.orgbridge.support.delivery.DeliveryStatus.DEAD) order by d.lastAt desc")
@NamedQuery(name = "orgbridgeDeliveryOldestFailure", query = "select min(d.lastAt) from DeliveryEntity d "
        + "where d.targetId = :targetId and d.lastError is not null "
        + "and d.status in (dev.orgbridge.support.delivery.DeliveryStatus.PENDING, "
        + "dev.orgbridge.support.delivery.DeliveryStatus.DEAD)")
@NamedQuery(name = "orgbridgeDeliveryCountOfJob", query = "select d.status, count(d), max(d.doneAt) "
        + "from DeliveryEntity d where d.resyncJobId = :jobId group by d.status")
@NamedQuery(name = "orgbridgeDeliveryPendingOfJob", query = "select count(d) from DeliveryEntity d "
        + "where d.resyncJobId = :jobId and d.status = dev.orgbridge.support.delivery.DeliveryStatus.PENDING")
@NamedQuery(name = "orgbridgeDeliveryRetryingOfJob", query = "select count(d) from DeliveryEntity d "
        + "where d.resyncJobId = :jobId and d.status = dev.orgbridge.support.delivery.DeliveryStatus.PENDING "
        + "and d.attempts > 0")
@NamedQuery(name = "orgbridgeDeliveryPurge", query = "delete from DeliveryEntity d "
        + "where d.status <> dev.orgbridge.support.delivery.DeliveryStatus.PENDING and d.doneAt < :before")
public class DeliveryEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TARGET_ID", length = 36, nullable = false)
    private String targetId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "EVENT_TYPE", length = 64, nullable = false)
    private String eventType;

    @Column(name = "SUBJECT_ID", length = 36, nullable = false)
    private String subjectId;

    @Column(name = "RELATED_ID")
    private String relatedId;

    @Column(name = "SUBJECT_NAME")
    private String subjectName;

    @Column(name = "SUBJECT_LABEL")
    private String subjectLabel;

    @Column(name = "SOURCE", length = 64, nullable = false)
    private String source;

    @Column(name = "SEQ", nullable = false)
    private long sequence;

    @Column(name = "QUEUED_AT", nullable = false)
    private long queuedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private DeliveryStatus status;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "NEXT_AT", nullable = false)
    private long nextAt;

    @Column(name = "LAST_AT")
    private Long lastAt;

    @Column(name = "LAST_STATUS")
    private Integer lastStatus;

    @Column(name = "LAST_ERROR")
    private String lastError;

    @Column(name = "MESSAGE_ID", length = 64)
    private String messageId;

    @Column(name = "DONE_AT")
    private Long doneAt;

    /** The re-sync job that queued it; null for a change. */
    @Column(name = "RESYNC_JOB_ID", length = 36)
    private String resyncJobId;

    protected DeliveryEntity() {
        // for JPA
    }

    DeliveryEntity(String id, String targetId, String realmId, OutboxEntry change, long now, String resyncJobId) {
        this.id = id;
        this.resyncJobId = resyncJobId;
        this.targetId = targetId;
        this.realmId = realmId;
        this.eventType = change.type().wireName();
        this.subjectId = change.subjectId();
        this.relatedId = change.relatedId();
        this.subjectName = change.lastKnown().name();
        this.subjectLabel = change.lastKnown().label();
        this.source = change.source();
        this.sequence = change.sequence();
        this.queuedAt = now;
        this.status = DeliveryStatus.PENDING;
        this.nextAt = now;
    }

    /** Settles it: delivered (or skipped) by the call with this message id. */
    public void settle(DeliveryStatus outcome, String message, Integer httpStatus, String detail, long now) {
        status = outcome;
        messageId = message;
        doneAt = now;
        if (outcome != DeliveryStatus.SKIPPED) {
            attempts++;
            lastAt = now;
        }
        lastStatus = httpStatus;
        lastError = detail;
    }

    /** Another attempt failed; the next one comes at {@code retryAt}. */
    public void failed(String message, Integer httpStatus, String error, long now, long retryAt) {
        attempts++;
        messageId = message;
        lastAt = now;
        lastStatus = httpStatus;
        lastError = error;
        nextAt = retryAt;
    }

    /** Waits behind an earlier change of its subject that has to be retried. */
    public void waitUntil(long at) {
        nextAt = Math.max(nextAt, at);
    }

    public String id() {
        return id;
    }

    public String targetId() {
        return targetId;
    }

    public String realmId() {
        return realmId;
    }

    public EventType type() {
        return EventType.fromWireName(eventType).orElseThrow();
    }

    public String subjectId() {
        return subjectId;
    }

    public String relatedId() {
        return relatedId;
    }

    public OutboxEntry.LastKnown lastKnown() {
        return new OutboxEntry.LastKnown(subjectName, subjectLabel);
    }

    public String source() {
        return source;
    }

    public long sequence() {
        return sequence;
    }

    public long queuedAt() {
        return queuedAt;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public long nextAt() {
        return nextAt;
    }

    public Long lastAt() {
        return lastAt;
    }

    public Integer lastStatus() {
        return lastStatus;
    }

    public String lastError() {
        return lastError;
    }

    public String messageId() {
        return messageId;
    }

    public Long doneAt() {
        return doneAt;
    }

    /** The re-sync job that queued it; null for a change. */
    public String resyncJobId() {
        return resyncJobId;
    }
}
