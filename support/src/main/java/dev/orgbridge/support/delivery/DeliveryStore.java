package dev.orgbridge.support.delivery;

import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.support.outbox.OutboxEntry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The delivery tables, through the session's transaction: each target's queue and log (ORGBRIDGE_DELIVERY), state
 * (ORGBRIDGE_TARGET_STATE), what it holds (ORGBRIDGE_REMOTE) and the failure digests about it (ORGBRIDGE_DIGEST).
 */
public final class DeliveryStore {

    private final EntityManager em;

    public DeliveryStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** The realms that have at least one component of {@code providerType}: those whose outbox is delivered. */
    public List<String> realmsWithComponents(String providerType) {
        List<?> rows = em.createNativeQuery("select distinct REALM_ID from COMPONENT where PROVIDER_TYPE = ?1")
                .setParameter(1, providerType)
                .getResultList();
        return rows.stream().map(String::valueOf).toList();
    }

    /** Queues a change for one target. */
    public DeliveryEntity enqueue(String targetId, String realmId, OutboxEntry change, long now) {
        return enqueue(targetId, realmId, change, now, null);
    }

    /** Queues a change for one target on behalf of a re-sync job ({@code resyncJobId}; null for none). */
    public DeliveryEntity enqueue(String targetId, String realmId, OutboxEntry change, long now,
                                  String resyncJobId) {
        DeliveryEntity row = new DeliveryEntity(KeycloakModelUtils.generateId(), targetId, realmId, change, now,
                resyncJobId);
        em.persist(row);
        return row;
    }

    /** Targets with a pending delivery due by {@code now}. */
    public List<String> dueTargets(long now) {
        return em.createNamedQuery("orgbridgeDeliveryDueTargets", String.class).setParameter("now", now)
                .getResultList();
    }

    /** The target's pending deliveries, in order, at most {@code max}. */
    public List<DeliveryEntity> queue(String targetId, int max) {
        return em.createNamedQuery("orgbridgeDeliveryQueue", DeliveryEntity.class)
                .setParameter("targetId", targetId)
                .setMaxResults(max)
                .getResultList();
    }

    public List<DeliveryEntity> deliveries(List<String> ids) {
        return ids.stream().map(id -> em.find(DeliveryEntity.class, id)).toList();
    }

    /** Reads these deliveries in one query, into the persistence context, for {@link #deliveries} to find there. */
    public void loadDeliveries(List<String> ids) {
        if (!ids.isEmpty()) {
            em.createNamedQuery("orgbridgeDeliveriesById", DeliveryEntity.class).setParameter("ids", ids)
                    .getResultList();
        }
    }

    public DeliveryEntity delivery(String id) {
        return em.find(DeliveryEntity.class, id);
    }

    /** The target's state, if any delivery ever ran for it. */
    public TargetStateEntity state(String targetId) {
        return em.find(TargetStateEntity.class, targetId);
    }

    /** The target's state, created (and flushed, so a concurrent creation fails here) when missing. */
    public TargetStateEntity stateOrNew(String targetId, String realmId) {
        TargetStateEntity state = state(targetId);
        if (state == null) {
            state = new TargetStateEntity(targetId, realmId);
            em.persist(state);
            em.flush();
        }
        return state;
    }

    /**
     * Takes the target's lease for {@code owner} until {@code until} if it is free, expired or already the owner's:
     * only the lease holder delivers to a target, so two nodes never send the same change.
     */
    public boolean lease(String targetId, String owner, long now, long until) {
        return em.createNamedQuery("orgbridgeTargetLease")
                .setParameter("owner", owner)
                .setParameter("until", until)
                .setParameter("targetId", targetId)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /**
     * Adds to the target's failure counts, in the transaction that records the failures: every node adds to the same
     * counts, and a count is never written back from a stale read.
     */
    public void countFailures(String targetId, int attempts, int deadLetters) {
        em.createNamedQuery("orgbridgeTargetFailuresCounted").setParameter("attempts", (long) attempts)
                .setParameter("deadLetters", (long) deadLetters).setParameter("targetId", targetId).executeUpdate();
    }

    /** The states of the realm's targets. */
    public List<TargetStateEntity> states(String realmId) {
        return em.createNamedQuery("orgbridgeTargetStatesOfRealm", TargetStateEntity.class)
                .setParameter("realmId", realmId).getResultList();
    }

    /** What the realm's notification targets were last told about failures, per provisioning target. */
    public List<DigestEntity> digests(String realmId) {
        return em.createNamedQuery("orgbridgeDigestsOfRealm", DigestEntity.class).setParameter("realmId", realmId)
                .getResultList();
    }

    /**
     * Lets a notification target watch a provisioning target's failures from now on (flushed, so a concurrent
     * start on another node fails here).
     */
    public DigestEntity watch(String notificationTargetId, TargetStateEntity target, long now) {
        DigestEntity digest = new DigestEntity(notificationTargetId, target, now);
        em.persist(digest);
        em.flush();
        return digest;
    }

    /**
     * Claims the digest as read ({@code digest}'s version) for sending now, covering the counts given; false when
     * another node claimed it first (its version moved on), and then this node must not send.
     */
    public boolean claimDigest(DigestEntity digest, long failures, long deadLetters, long now) {
        return em.createNamedQuery("orgbridgeDigestClaim").setParameter("now", now)
                .setParameter("failures", failures).setParameter("deadLetters", deadLetters)
                .setParameter("notificationTargetId", digest.notificationTargetId())
                .setParameter("targetId", digest.targetId()).setParameter("version", digest.version())
                .executeUpdate() == 1;
    }

    /** When the oldest failed delivery of the target still in the log last failed; empty when none. */
    public Optional<Long> oldestFailureAt(String targetId) {
        return Optional.ofNullable(em.createNamedQuery("orgbridgeDeliveryOldestFailure", Long.class)
                .setParameter("targetId", targetId).getSingleResult());
    }

    /** The target's deliveries that last failed at or after {@code since}, newest first, at most {@code max}. */
    public List<DeliveryEntity> recentFailures(String targetId, long since, int max) {
        return em.createNamedQuery("orgbridgeDeliveryRecentFailures", DeliveryEntity.class)
                .setParameter("targetId", targetId).setParameter("since", since).setMaxResults(max)
                .getResultList();
    }

    public void release(String targetId, String owner) {
        em.createNamedQuery("orgbridgeTargetRelease").setParameter("targetId", targetId).setParameter("owner", owner)
                .executeUpdate();
    }

    /** What the target holds of the subject; null when it was never sent or was sent its deletion. */
    public RemoteEntity remote(String targetId, String subjectId) {
        RemoteEntity remote = em.find(RemoteEntity.class, new RemoteEntity.Key(targetId, subjectId));
        return remote == null || !remote.held() ? null : remote;
    }

    /**
     * Reads what the target holds of these subjects in one query, into the transaction's persistence context, so that
     * {@link #remote} finds them there instead of asking the database once each.
     */
    public void loadRemotes(String targetId, List<String> subjectIds) {
        if (!subjectIds.isEmpty()) {
            em.createNamedQuery("orgbridgeRemoteOfSubjects", RemoteEntity.class).setParameter("targetId", targetId)
                    .setParameter("subjectIds", subjectIds).getResultList();
        }
    }

    /** The subject's row, made (or taken back from a tombstone) for a delivery that succeeded. */
    public RemoteEntity remoteOrNew(String targetId, String subjectId) {
        RemoteEntity remote = em.find(RemoteEntity.class, new RemoteEntity.Key(targetId, subjectId));
        if (remote == null) {
            remote = new RemoteEntity(targetId, subjectId);
            em.persist(remote);
        }
        return remote;
    }

    /** How many users, organizations and groups the target holds. */
    public long held(String targetId) {
        return em.createNamedQuery("orgbridgeRemoteCount", Long.class).setParameter("targetId", targetId)
                .getSingleResult();
    }

    /** How many the target was sent the deletion of since {@code since}: it held them then. */
    public long deletedSince(String targetId, long since) {
        return em.createNamedQuery("orgbridgeRemoteDeletedSince", Long.class).setParameter("targetId", targetId)
                .setParameter("since", since).getSingleResult();
    }

    /**
     * Deletions of users the target holds (or held until their deletion was sent), queued since {@code since}, sent
     * or not (skipped ones aside): what the mass-deletion guard counts.
     */
    public long deletionsSince(String targetId, long since) {
        return em.createNamedQuery("orgbridgeDeliveryRecentDeletions", Long.class)
                .setParameter("targetId", targetId)
                .setParameter("deleted", EventType.USER_DELETED.wireName())
                .setParameter("since", since)
                .getSingleResult();
    }

    /** The target's deliveries by status. */
    public Map<DeliveryStatus, Long> counts(String targetId) {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            counts.put(status, 0L);
        }
        em.createNamedQuery("orgbridgeDeliveryCount", Object[].class).setParameter("targetId", targetId)
                .getResultList()
                .forEach(row -> counts.put((DeliveryStatus) row[0], (Long) row[1]));
        return counts;
    }

    /** A page of the realm's provisioning log, newest first; each filter may be null. */
    public List<DeliveryEntity> log(String realmId, LogFilter filter, int first, int max) {
        StringBuilder jpql = new StringBuilder("select d from DeliveryEntity d where d.realmId = :realmId");
        if (filter.targetId() != null) {
            jpql.append(" and d.targetId = :targetId");
        }
        if (filter.subjectId() != null) {
            jpql.append(" and d.subjectId = :subjectId");
        }
        if (filter.status() != null) {
            jpql.append(" and d.status = :status");
        }
        if (filter.resyncJobId() != null) {
            jpql.append(" and d.resyncJobId = :jobId");
        }
        TypedQuery<DeliveryEntity> query = em.createQuery(jpql.append(" order by d.sequence desc").toString(),
                DeliveryEntity.class).setParameter("realmId", realmId);
        if (filter.targetId() != null) {
            query.setParameter("targetId", filter.targetId());
        }
        if (filter.subjectId() != null) {
            query.setParameter("subjectId", filter.subjectId());
        }
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        if (filter.resyncJobId() != null) {
            query.setParameter("jobId", filter.resyncJobId());
        }
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** What a log page shows: one target, one subject, one status, one re-sync job's deliveries; null for any. */
    public record LogFilter(String targetId, String subjectId, DeliveryStatus status, String resyncJobId) {
    }

    /** Queues the target's dead letters again, as if new. */
    public int retryDead(String targetId, long now) {
        return em.createNamedQuery("orgbridgeDeliveryRetryDead").setParameter("targetId", targetId)
                .setParameter("now", now).executeUpdate();
    }

    /** Drops settled deliveries older than {@code before} from the log, and the tombstones of deletions as old. */
    public int purge(long before) {
        em.createNamedQuery("orgbridgeRemotePurge").setParameter("before", before).executeUpdate();
        return em.createNamedQuery("orgbridgeDeliveryPurge").setParameter("before", before).executeUpdate();
    }
}
