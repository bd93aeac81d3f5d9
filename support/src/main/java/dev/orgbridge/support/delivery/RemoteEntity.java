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
 * One row of table ORGBRIDGE_REMOTE: a user, organization or group a target has been sent, with the target's id for
 * it (SCIM) and a hash of the content last delivered, so that an update that changes nothing is not sent again. A
 * delivered deletion leaves the row as a tombstone ({@code DELETED_AT}) for as long as the delivery log is kept: the
 * mass-deletion guard counts deletions already sent, not only those still waiting.
 */
@Entity
@Table(name = "ORGBRIDGE_REMOTE")
@IdClass(RemoteEntity.Key.class)
@NamedQuery(name = "orgbridgeRemoteCount", query = "select count(r) from RemoteEntity r where r.targetId = :targetId "
        + "and r.deletedAt is null")
@NamedQuery(name = "orgbridgeRemoteDeletedSince", query = "select count(r) from RemoteEntity r "
        + "where r.targetId = :targetId and r.deletedAt >= :since")
@NamedQuery(name = "orgbridgeRemoteOfSubjects", query = "select r from RemoteEntity r where r.targetId = :targetId "
        + "and r.subjectId in :subjectIds")
@NamedQuery(name = "orgbridgeRemotePurge", query = "delete from RemoteEntity r where r.deletedAt < :before")
public class RemoteEntity {

    @Id
    @Column(name = "TARGET_ID", length = 36)
    private String targetId;

    @Id
    @Column(name = "SUBJECT_ID", length = 36)
    private String subjectId;

    @Column(name = "REMOTE_ID")
    private String remoteId;

    @Column(name = "CONTENT_HASH", length = 64)
    private String contentHash;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    @Column(name = "DELETED_AT")
    private Long deletedAt;

    protected RemoteEntity() {
        // for JPA
    }

    RemoteEntity(String targetId, String subjectId) {
        this.targetId = targetId;
        this.subjectId = subjectId;
    }

    public void delivered(String remote, String hash, long now) {
        if (remote != null) {
            remoteId = remote;
        }
        contentHash = hash;
        updatedAt = now;
        deletedAt = null;
    }

    /** The target was sent the subject's deletion: it holds the subject no more. */
    public void deleted(long now) {
        contentHash = null;
        updatedAt = now;
        deletedAt = now;
    }

    /** Whether the target still holds the subject (it was not sent its deletion). */
    public boolean held() {
        return deletedAt == null;
    }

    public String remoteId() {
        return remoteId;
    }

    public String contentHash() {
        return contentHash;
    }

    /** The composite key: target and subject. */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String targetId;
        private String subjectId;

        public Key() {
            // for JPA
        }

        public Key(String targetId, String subjectId) {
            this.targetId = targetId;
            this.subjectId = subjectId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(targetId, key.targetId)
                    && Objects.equals(subjectId, key.subjectId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(targetId, subjectId);
        }
    }
}
