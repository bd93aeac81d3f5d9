package dev.orgbridge.support.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One row of table ORGBRIDGE_RESYNC_JOB: a full re-sync of one target an admin asked for. The worker walks the
 * realm's users in pages after {@link #cursor()} and queues a delivery per user, then (a SCIM target that pushes
 * groups) the realm's groups after {@link #groupCursor()}, each tagged with the job's id; the job's progress is
 * counted from those deliveries. Goes with its target's component.
 */
@Entity
@Table(name = "ORGBRIDGE_RESYNC_JOB")
@NamedQuery(name = "orgbridgeResyncJobsOfTarget", query = "select j from ResyncJobEntity j "
        + "where j.targetId = :targetId order by j.createdAt desc, j.id desc")
@NamedQuery(name = "orgbridgeResyncJobTarget", query = "select j.targetId from ResyncJobEntity j "
        + "where j.id = :id")
@NamedQuery(name = "orgbridgeResyncJobsWalking", query = "select j.id from ResyncJobEntity j "
        + "where j.walkedAt is null order by j.createdAt")
@NamedQuery(name = "orgbridgeResyncJobPurge", query = "delete from ResyncJobEntity j where j.walkedAt < :before "
        + "and not exists (select d.id from DeliveryEntity d where d.resyncJobId = j.id)")
public class ResyncJobEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TARGET_ID", length = 36, nullable = false)
    private String targetId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "REQUESTED_BY", length = 36)
    private String requestedBy;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "STARTED_AT")
    private Long startedAt;

    @Column(name = "WALKED_AT")
    private Long walkedAt;

    @Column(name = "CURSOR_ID", length = 36)
    private String cursor;

    @Column(name = "USERS_CHECKED", nullable = false)
    private long usersChecked;

    @Column(name = "USERS_WALKED_AT")
    private Long usersWalkedAt;

    @Column(name = "GROUP_CURSOR_ID", length = 36)
    private String groupCursor;

    @Column(name = "GROUPS_CHECKED", nullable = false)
    private long groupsChecked;

    protected ResyncJobEntity() {
        // for JPA
    }

    ResyncJobEntity(String id, String targetId, String realmId, String requestedBy, long now) {
        this.id = id;
        this.targetId = targetId;
        this.realmId = realmId;
        this.requestedBy = requestedBy;
        this.createdAt = now;
    }

    /**
     * The worker looked at {@code checked} more users, up to {@code last}; {@code end}: there are no more;
     * {@code walkEnds}: and no groups follow, the walk is over.
     */
    public void usersWalked(String last, int checked, boolean end, boolean walkEnds, long now) {
        if (startedAt == null) {
            startedAt = now;
        }
        if (last != null) {
            cursor = last;
        }
        usersChecked += checked;
        if (end) {
            usersWalkedAt = now;
            if (walkEnds) {
                walkedAt = now;
            }
        }
    }

    /** The worker looked at {@code checked} more groups, up to {@code last}; {@code end}: there are no more. */
    public void groupsWalked(String last, int checked, boolean end, long now) {
        if (last != null) {
            groupCursor = last;
        }
        groupsChecked += checked;
        if (end) {
            walkedAt = now;
        }
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

    /** The id of the admin who asked for it. */
    public String requestedBy() {
        return requestedBy;
    }

    public long createdAt() {
        return createdAt;
    }

    public Long startedAt() {
        return startedAt;
    }

    public Long walkedAt() {
        return walkedAt;
    }

    /** The id of the last user looked at; null before the first page. */
    public String cursor() {
        return cursor;
    }

    public long usersChecked() {
        return usersChecked;
    }

    /** When the worker had looked at every user; null before. */
    public Long usersWalkedAt() {
        return usersWalkedAt;
    }

    /** The id of the last group looked at; null before the first page of groups. */
    public String groupCursor() {
        return groupCursor;
    }

    public long groupsChecked() {
        return groupsChecked;
    }
}
