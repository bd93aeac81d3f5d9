package dev.orgbridge.support.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One row of table ORGBRIDGE_DIGEST: what one notification target was last told about the failures of one
 * provisioning target: when its last failure digest went, and the target's failure counts it covered (the counts
 * since are the next digest's). Claimed with a conditional update ({@code orgbridgeDigestClaim}) before the mail
 * goes, so two nodes never send the same digest.
 */
@Entity
@Table(name = "ORGBRIDGE_DIGEST")
@IdClass(DigestEntity.Key.class)
@NamedQuery(name = "orgbridgeDigestsOfRealm", query = "select d from DigestEntity d where d.realmId = :realmId")
@NamedQuery(name = "orgbridgeDigestClaim", query = "update DigestEntity d set d.sentAt = :now, "
        + "d.failuresCovered = :failures, d.deadLettersCovered = :deadLetters, d.version = d.version + 1 "
        + "where d.notificationTargetId = :notificationTargetId and d.targetId = :targetId and d.version = :version")
public class DigestEntity {

    @Id
    @Column(name = "NOTIFICATION_TARGET_ID", length = 36)
    private String notificationTargetId;

    @Id
    @Column(name = "TARGET_ID", length = 36)
    private String targetId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /** When the notification target began to watch the target. */
    @Column(name = "WATCHED_SINCE", nullable = false)
    private long watchedSince;

    @Column(name = "SENT_AT")
    private Long sentAt;

    @Column(name = "FAILURES_COVERED", nullable = false)
    private long failuresCovered;

    @Column(name = "DEAD_LETTERS_COVERED", nullable = false)
    private long deadLettersCovered;

    /** Raised by every claim: a claim made on a stale read updates nothing. */
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected DigestEntity() {
        // for JPA
    }

    /**
     * Starts watching, having covered nothing: the first digest reports every failure counted so far, including those
     * of the round that created the target's state just before (a notification target set up later learns at once
     * that a target has been failing).
     */
    DigestEntity(String notificationTargetId, TargetStateEntity target, long now) {
        this.notificationTargetId = notificationTargetId;
        this.targetId = target.targetId();
        this.realmId = target.realmId();
        this.watchedSince = now;
    }

    public String notificationTargetId() {
        return notificationTargetId;
    }

    public String targetId() {
        return targetId;
    }

    public long watchedSince() {
        return watchedSince;
    }

    public Long sentAt() {
        return sentAt;
    }

    public long failuresCovered() {
        return failuresCovered;
    }

    public long deadLettersCovered() {
        return deadLettersCovered;
    }

    public long version() {
        return version;
    }

    /** The composite key: notification target and provisioning target. */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String notificationTargetId;
        private String targetId;

        public Key() {
            // for JPA
        }

        public Key(String notificationTargetId, String targetId) {
            this.notificationTargetId = notificationTargetId;
            this.targetId = targetId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(notificationTargetId, key.notificationTargetId)
                    && Objects.equals(targetId, key.targetId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(notificationTargetId, targetId);
        }
    }
}
