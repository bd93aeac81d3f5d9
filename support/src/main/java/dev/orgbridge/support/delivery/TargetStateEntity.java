package dev.orgbridge.support.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One row of table ORGBRIDGE_TARGET_STATE: a target's lease (which node delivers to it, until when), its health and
 * whether it is paused. In the database, not in a node's memory, so every node sees the same.
 */
@Entity
@Table(name = "ORGBRIDGE_TARGET_STATE")
@NamedQuery(name = "orgbridgeTargetLease", query = "update TargetStateEntity t set t.leaseOwner = :owner, "
        + "t.leaseUntil = :until where t.targetId = :targetId and (t.leaseUntil < :now or t.leaseOwner = :owner)")
@NamedQuery(name = "orgbridgeTargetFailuresCounted", query = "update TargetStateEntity t "
        + "set t.failedAttempts = t.failedAttempts + :attempts, t.deadLetters = t.deadLetters + :deadLetters "
        + "where t.targetId = :targetId")
@NamedQuery(name = "orgbridgeTargetStatesOfRealm", query = "select t from TargetStateEntity t "
        + "where t.realmId = :realmId")
@NamedQuery(name = "orgbridgeTargetRelease", query = "update TargetStateEntity t set t.leaseUntil = 0 "
        + "where t.targetId = :targetId and t.leaseOwner = :owner")
public class TargetStateEntity {

    @Id
    @Column(name = "TARGET_ID", length = 36)
    private String targetId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private TargetStatus status;

    @Column(name = "PAUSE_DETAIL")
    private String pauseDetail;

    @Column(name = "PAUSED_AT")
    private Long pausedAt;

    @Column(name = "LEASE_OWNER", length = 64)
    private String leaseOwner;

    @Column(name = "LEASE_UNTIL", nullable = false)
    private long leaseUntil;

    @Column(name = "NEXT_RUN_AT", nullable = false)
    private long nextRunAt;

    @Column(name = "FAILURES", nullable = false)
    private int failures;

    @Column(name = "FIRST_FAILURE_AT")
    private Long firstFailureAt;

    @Column(name = "LAST_FAILURE_AT")
    private Long lastFailureAt;

    @Column(name = "LAST_ERROR")
    private String lastError;

    @Column(name = "LAST_SUCCESS_AT")
    private Long lastSuccessAt;

    @Column(name = "LAST_NOTICE_AT")
    private Long lastNoticeAt;

    @Column(name = "DELETIONS_CONFIRMED_AT", nullable = false)
    private long deletionsConfirmedAt;

    /**
     * Failed attempts and dead letters ever, only ever added to by {@code orgbridgeTargetFailuresCounted} in the
     * transaction that records them (never written back from a loaded entity, which could lose another's count):
     * failure digests report the difference to what they covered.
     */
    @Column(name = "FAILED_ATTEMPTS", nullable = false, updatable = false)
    private long failedAttempts;

    @Column(name = "DEAD_LETTERS", nullable = false, updatable = false)
    private long deadLetters;

    protected TargetStateEntity() {
        // for JPA
    }

    TargetStateEntity(String targetId, String realmId) {
        this.targetId = targetId;
        this.realmId = realmId;
        this.status = TargetStatus.ACTIVE;
    }

    public void succeeded(long now) {
        failures = 0;
        firstFailureAt = null;
        lastSuccessAt = now;
    }

    /** {@code count} more attempts failed in a row, the first at {@code firstAt}, the last at {@code lastAt}. */
    public void failed(int count, long firstAt, long lastAt, String error) {
        if (failures == 0) {
            firstFailureAt = firstAt;
        }
        failures += count;
        lastFailureAt = lastAt;
        lastError = error;
    }

    /** Stops deliveries: quarantined (probed again at {@code nextRunAt}) or paused by the mass-deletion guard. */
    public void pause(TargetStatus why, String detail, long now) {
        status = why;
        pauseDetail = detail;
        pausedAt = now;
    }

    /** Out of quarantine: it answered again. */
    public void release() {
        status = TargetStatus.ACTIVE;
        pauseDetail = null;
        pausedAt = null;
        nextRunAt = 0;
    }

    /**
     * An admin resumes it: delivers again, with a clean failure count. Resuming confirms the deletions queued so far:
     * the mass-deletion guard counts only later ones.
     */
    public void resume(long now) {
        release();
        deletionsConfirmedAt = now;
        failures = 0;
        firstFailureAt = null;
    }

    /** No attempt before {@code at}: the target is backing off or quarantined. */
    public void runNoEarlierThan(long at) {
        nextRunAt = at;
    }

    public void noticed(long now) {
        lastNoticeAt = now;
    }

    public String targetId() {
        return targetId;
    }

    public String realmId() {
        return realmId;
    }

    public TargetStatus status() {
        return status;
    }

    public String pauseDetail() {
        return pauseDetail;
    }

    public Long pausedAt() {
        return pausedAt;
    }

    public long nextRunAt() {
        return nextRunAt;
    }

    public int failures() {
        return failures;
    }

    public Long firstFailureAt() {
        return firstFailureAt;
    }

    public Long lastFailureAt() {
        return lastFailureAt;
    }

    public String lastError() {
        return lastError;
    }

    public Long lastSuccessAt() {
        return lastSuccessAt;
    }

    /** The mass-deletion guard counts deletions queued after this. */
    public long deletionsConfirmedAt() {
        return deletionsConfirmedAt;
    }

    public Long lastNoticeAt() {
        return lastNoticeAt;
    }

    public long failedAttempts() {
        return failedAttempts;
    }

    public long deadLetters() {
        return deadLetters;
    }
}
