package dev.orgbridge.support.delivery;

import dev.orgbridge.core.provisioning.ResyncProgress;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/** The re-sync jobs (ORGBRIDGE_RESYNC_JOB) and their progress, through the session's transaction. */
public final class ResyncJobs {

    private final KeycloakSession session;
    private final EntityManager em;

    public ResyncJobs(KeycloakSession session) {
        this.session = session;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /**
     * Locks the target's state row until the transaction ends, creating it when missing: two admins starting a job
     * for the same target at once, on any nodes, take turns, so the second one sees the first one's job.
     */
    public void lockTarget(String targetId, String realmId) {
        TargetStateEntity state = new DeliveryStore(session).stateOrNew(targetId, realmId);
        em.lock(state, LockModeType.PESSIMISTIC_WRITE);
    }

    public ResyncJobEntity create(String targetId, String realmId, String requestedBy, long now) {
        ResyncJobEntity job = new ResyncJobEntity(KeycloakModelUtils.generateId(), targetId, realmId, requestedBy,
                now);
        em.persist(job);
        return job;
    }

    public ResyncJobEntity job(String id) {
        return em.find(ResyncJobEntity.class, id);
    }

    /** The job's target, read without loading the job (whose cursor is read only under the target's lease). */
    public Optional<String> targetOf(String jobId) {
        return em.createNamedQuery("orgbridgeResyncJobTarget", String.class).setParameter("id", jobId)
                .getResultStream().findFirst();
    }

    /** The target's jobs, newest first, at most {@code max}. */
    public List<ResyncJobEntity> ofTarget(String targetId, int max) {
        return em.createNamedQuery("orgbridgeResyncJobsOfTarget", ResyncJobEntity.class)
                .setParameter("targetId", targetId).setMaxResults(max).getResultList();
    }

    /** The target's newest job, the only one that can still be active. */
    public Optional<ResyncJobEntity> latest(String targetId) {
        return ofTarget(targetId, 1).stream().findFirst();
    }

    /** Jobs with users left to look at, oldest first. */
    public List<String> walking() {
        return em.createNamedQuery("orgbridgeResyncJobsWalking", String.class).getResultList();
    }

    /**
     * Ids of the realm's users (service accounts aside) after {@code after} (null: from the first), in id order, at
     * most {@code max}: a page of the walk that neither skips nor repeats a user when others are added or deleted
     * meanwhile, as an offset would. Keycloak's user table, as the realm's users are stored (federated users are
     * there once imported).
     */
    public List<String> userIdsAfter(String realmId, String after, int max) {
        List<?> rows = em.createNativeQuery("select ID from USER_ENTITY where REALM_ID = ?1 "
                        + "and SERVICE_ACCOUNT_CLIENT_LINK is null and ID > ?2 order by ID")
                .setParameter(1, realmId)
                .setParameter(2, after == null ? "" : after)
                .setMaxResults(max)
                .getResultList();
        return rows.stream().map(String::valueOf).toList();
    }

    /**
     * Ids of the realm's own groups (an organization's internal groups aside), top-level and subgroups alike, after
     * {@code after} (null: from the first), in id order, at most {@code max}: a page of the walk, as for users.
     */
    public List<String> groupIdsAfter(String realmId, String after, int max) {
        List<?> rows = em.createNativeQuery("select ID from KEYCLOAK_GROUP where REALM_ID = ?1 and TYPE = 0 "
                        + "and ID > ?2 order by ID")
                .setParameter(1, realmId)
                .setParameter(2, after == null ? "" : after)
                .setMaxResults(max)
                .getResultList();
        return rows.stream().map(String::valueOf).toList();
    }

    /** How many of the job's deliveries are pending. */
    public long pending(String jobId) {
        return em.createNamedQuery("orgbridgeDeliveryPendingOfJob", Long.class).setParameter("jobId", jobId)
                .getSingleResult();
    }

    /** Where the job stands, counted from its deliveries. */
    public ResyncProgress progress(ResyncJobEntity job) {
        long pending = 0;
        long delivered = 0;
        long failed = 0;
        long skipped = 0;
        Long lastDone = null;
        for (Object[] row : em.createNamedQuery("orgbridgeDeliveryCountOfJob", Object[].class)
                .setParameter("jobId", job.id()).getResultList()) {
            long count = (Long) row[1];
            switch ((DeliveryStatus) row[0]) {
                case PENDING -> pending = count;
                case DELIVERED -> delivered = count;
                case DEAD -> failed = count;
                case SKIPPED -> skipped = count;
                default -> throw new IllegalStateException("unknown delivery status " + row[0]);
            }
            if (row[2] != null) {
                lastDone = lastDone == null ? (Long) row[2] : Math.max(lastDone, (Long) row[2]);
            }
        }
        long retrying = pending == 0 ? 0 : em.createNamedQuery("orgbridgeDeliveryRetryingOfJob", Long.class)
                .setParameter("jobId", job.id()).getSingleResult();
        return new ResyncProgress(Instant.ofEpochMilli(job.createdAt()), instant(job.startedAt()),
                instant(job.walkedAt()), job.usersChecked(),
                new ResyncProgress.Counts(pending, retrying, delivered, failed, skipped), instant(lastDone));
    }

    /** Drops jobs whose walk ended before {@code before} and whose deliveries have all left the log. */
    public int purge(long before) {
        return em.createNamedQuery("orgbridgeResyncJobPurge").setParameter("before", before).executeUpdate();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
