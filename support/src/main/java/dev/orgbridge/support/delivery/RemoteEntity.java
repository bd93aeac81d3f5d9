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
 * it (SCIM) and a hash of the content last delivered, so that an update that changes nothing is not sent again.
 */
@Entity
@Table(name = "ORGBRIDGE_REMOTE")
@IdClass(RemoteEntity.Key.class)
@NamedQuery(name = "orgbridgeRemoteCount", query = "select count(r) from RemoteEntity r where r.targetId = :targetId")
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
