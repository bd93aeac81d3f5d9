package dev.orgbridge.delivery.worker;

import dev.orgbridge.core.provisioning.CurrentStateCall;
import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.core.provisioning.ResyncStep;
import dev.orgbridge.delivery.targets.ProvisioningTarget;
import dev.orgbridge.delivery.targets.ProvisioningTargets;
import dev.orgbridge.support.delivery.DeliveryStore;
import dev.orgbridge.support.delivery.ResyncJobEntity;
import dev.orgbridge.support.delivery.ResyncJobs;
import dev.orgbridge.support.outbox.OutboxEntry;
import dev.orgbridge.support.outbox.OutboxSequence;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The worker's part of a re-sync job: walks the realm's users one page per pass, in one transaction per page, under
 * the target's lease (so two nodes never walk the same page), and queues one delivery per user the target receives or
 * still holds, tagged with the job. The deliveries then go the way of every change: after the user's earlier pending
 * changes, coalesced with them, retried, dead-lettered. For a target that pushes groups, once the users' deliveries
 * have settled, it walks the realm's groups the same way and queues a {@code group.synced} call per group
 * ({@link ResyncStep}); the target decides at send time what the group's members are.
 */
final class ResyncWalker {

    /** The source of the deliveries a re-sync queues, in the provisioning log. */
    static final String SOURCE = "resync";
    private static final Logger LOG = Logger.getLogger(ResyncWalker.class);

    private final KeycloakSessionFactory sessionFactory;
    private final WorkerOptions options;
    private final String owner;

    ResyncWalker(KeycloakSessionFactory sessionFactory, WorkerOptions options, String owner) {
        this.sessionFactory = sessionFactory;
        this.options = options;
        this.owner = owner;
    }

    /** Walks one page of each job with users left to look at; true when any has more. */
    boolean walk() {
        List<String> jobs = KeycloakModelUtils.runJobInTransactionWithResult(sessionFactory,
                session -> new ResyncJobs(session).walking());
        boolean more = false;
        for (String jobId : jobs) {
            try {
                more |= Boolean.TRUE.equals(KeycloakModelUtils.runJobInTransactionWithResult(sessionFactory,
                        session -> page(session, jobId)));
            } catch (RuntimeException e) {
                // the page is rolled back and walked again next pass; a bug must not stop the deliveries
                LOG.errorf(e, "Orgbridge re-sync %s: a page of users failed", jobId);
            }
        }
        return more;
    }

    /** Looks at the job's next page of users; true when users are left after it. */
    private boolean page(KeycloakSession session, String jobId) {
        ResyncJobs jobs = new ResyncJobs(session);
        DeliveryStore store = new DeliveryStore(session);
        long now = Time.currentTimeMillis();
        Optional<String> targetId = jobs.targetOf(jobId);
        if (targetId.isEmpty() || store.state(targetId.get()) == null
                || !store.lease(targetId.get(), owner, now, now + options.lease().toMillis())) {
            return false; // gone, or another node has the target now: a later pass goes on
        }
        // read only now, under the lease: a node that waited for it sees the cursor the other one left
        ResyncJobEntity job = jobs.job(jobId);
        try {
            if (job == null || job.walkedAt() != null) {
                return false;
            }
            RealmModel realm = session.realms().getRealm(job.realmId());
            ComponentModel component = realm == null ? null : realm.getComponent(job.targetId());
            if (component == null) {
                return false; // removed: its jobs go with it
            }
            session.getContext().setRealm(realm);
            ProvisioningTarget target;
            try {
                target = ProvisioningTargets.of(session, component);
            } catch (RuntimeException e) {
                LOG.warnf("Orgbridge re-sync %s waits: provisioning target '%s' cannot be used: %s", jobId,
                        component.getName(), e.getMessage());
                return false;
            }
            boolean groupsBegun = job.groupCursor() != null;
            ResyncStep step = ResyncStep.next(job.usersWalkedAt() != null, target.pushesGroups(), groupsBegun,
                    job.usersWalkedAt() == null || groupsBegun ? 0 : jobs.pending(jobId));
            return switch (step) {
                case USERS -> users(session, jobs, realm, target, store, job, now);
                case GROUPS -> groups(jobs, realm, store, job, now);
                case WAIT -> false; // the users' deliveries first: a later pass looks again
                case END -> {
                    job.groupsWalked(null, 0, true, now); // pushes no groups (any more): the walk is over
                    yield false;
                }
            };
        } finally {
            store.release(targetId.get(), owner);
        }
    }

    /** Looks at the next page of users; true when users are left after it. */
    private boolean users(KeycloakSession session, ResyncJobs jobs, RealmModel realm, ProvisioningTarget target,
                          DeliveryStore store, ResyncJobEntity job, long now) {
        List<String> ids = jobs.userIdsAfter(realm.getId(), job.cursor(), options.batchSize());
        int queued = 0;
        for (String id : ids) {
            queued += queue(session, realm, target, store, job, id, now) ? 1 : 0;
        }
        boolean end = ids.size() < options.batchSize();
        job.usersWalked(last(ids), ids.size(), end, !target.pushesGroups(), now);
        LOG.debugf("Orgbridge re-sync %s of target %s: looked at %d users, queued %d%s", job.id(), job.targetId(),
                ids.size(), queued, end ? "; every user looked at" : "");
        return !end;
    }

    /**
     * Queues a {@code group.synced} call for each group of the next page (the target reads the group and its members
     * when it sends); true when groups are left after it.
     */
    private boolean groups(ResyncJobs jobs, RealmModel realm, DeliveryStore store, ResyncJobEntity job, long now) {
        List<String> ids = jobs.groupIdsAfter(realm.getId(), job.groupCursor(), options.batchSize());
        for (String id : ids) {
            store.enqueue(job.targetId(), realm.getId(), new OutboxEntry(null, EventType.GROUP_SYNCED, id, null,
                    SOURCE, OutboxEntry.LastKnown.NOTHING, OutboxSequence.next(now), now), now, job.id());
        }
        boolean end = ids.size() < options.batchSize();
        job.groupsWalked(last(ids), ids.size(), end, now);
        LOG.debugf("Orgbridge re-sync %s of target %s: queued %d groups%s", job.id(), job.targetId(), ids.size(),
                end ? "; every group looked at" : "");
        return !end;
    }

    private static String last(List<String> ids) {
        return ids.isEmpty() ? null : ids.get(ids.size() - 1);
    }

    /** Queues the user's current state if the target receives the user or still holds it; deleted meanwhile: not. */
    private static boolean queue(KeycloakSession session, RealmModel realm, ProvisioningTarget target,
                                 DeliveryStore store, ResyncJobEntity job, String userId, long now) {
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            return false;
        }
        boolean held = store.remote(job.targetId(), userId) != null;
        if (!held && !target.receives(session, realm, user)) {
            return false;
        }
        Optional<EventType> type = CurrentStateCall.of(held, target::wants);
        type.ifPresent(call -> store.enqueue(job.targetId(), realm.getId(), change(call, user, SOURCE, now), now,
                job.id()));
        return type.isPresent();
    }

    /** A change that asks for the user's current state, ordered after every change captured so far. */
    static OutboxEntry change(EventType type, UserModel user, String source, long now) {
        return new OutboxEntry(null, type, user.getId(), null, source,
                new OutboxEntry.LastKnown(user.getUsername(), null), OutboxSequence.next(now), now);
    }
}
