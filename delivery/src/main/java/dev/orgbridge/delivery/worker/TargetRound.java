package dev.orgbridge.delivery.worker;

import dev.orgbridge.core.provisioning.MassDeletionGuard;
import dev.orgbridge.core.provisioning.SubjectKind;
import dev.orgbridge.core.provisioning.notify.TargetPaused;
import dev.orgbridge.delivery.targets.DeliveryPolicy;
import dev.orgbridge.delivery.targets.ProvisioningTarget;
import dev.orgbridge.delivery.targets.ProvisioningTargets;
import dev.orgbridge.support.delivery.DeliveryStore;
import dev.orgbridge.support.delivery.TargetStateEntity;
import dev.orgbridge.support.delivery.TargetStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.common.util.Time;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * One round of deliveries to one target, on the node that holds the target's lease: reads a batch of its queue,
 * delivers each subject's changes (subjects in parallel, each subject's in order), then folds what happened into the
 * target's health: a target failing again and again backs off, then is quarantined.
 */
final class TargetRound {

    private static final Logger LOG = Logger.getLogger(TargetRound.class);
    /** How often a quarantined target is probed with one call. */
    static final Duration PROBE_EVERY = Duration.ofMinutes(5);
    /** The longest a failing (not yet quarantined) target waits between rounds. */
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    /** The most subjects one call thread takes at once, their first calls prepared in one transaction. */
    static final int PREPARED_TOGETHER = 20;

    private final KeycloakSessionFactory sessionFactory;
    private final WorkerOptions options;
    private final String owner;
    private final String targetId;
    private final TargetHealth health = new TargetHealth();
    private final AtomicLong leaseRenewedAt = new AtomicLong();
    private final BatchedWrites writes;
    private String realmId;
    private String targetName;
    private DeliveryPolicy policy;
    private volatile Parsed parsed;
    /** A pause this round decided, mailed once its state is committed. */
    private TargetPaused paused;

    TargetRound(KeycloakSessionFactory sessionFactory, WorkerOptions options, String owner, String targetId) {
        this.sessionFactory = sessionFactory;
        this.options = options;
        this.owner = owner;
        this.targetId = targetId;
        this.writes = new BatchedWrites(sessionFactory, targetId);
    }

    /** Runs the round; true when the target's queue had more than one batch. */
    boolean run(ExecutorService calls, Notices notices) {
        List<List<PendingRow>> subjects = new ArrayList<>();
        Boolean full = KeycloakModelUtils.runJobInTransactionWithResult(sessionFactory, session -> begin(session,
                subjects));
        noticePause(notices);
        if (full == null) {
            return false;
        }
        // a group's call reads its members when sent: the round's membership calls go first, and their results are
        // written, so it never reads a membership (or what the target holds) that a call of the same round changes
        deliver(subjects.stream().filter(rows -> rows.get(0).type().subject() != SubjectKind.GROUP).toList(), calls);
        writes.flush();
        deliver(subjects.stream().filter(rows -> rows.get(0).type().subject() == SubjectKind.GROUP).toList(), calls);
        writes.flush();
        KeycloakModelUtils.runJobInTransaction(sessionFactory, this::end);
        noticePause(notices);
        return full && !health.tripped();
    }

    /** Delivers each subject's changes, subjects in parallel (in batches); returns when all are done. */
    private void deliver(List<List<PendingRow>> subjects, ExecutorService calls) {
        List<CompletableFuture<Void>> running = batches(subjects).stream()
                .map(batch -> CompletableFuture.runAsync(new SubjectBatch(this, batch), calls))
                .toList();
        CompletableFuture.allOf(running.toArray(new CompletableFuture<?>[0])).join();
    }

    /**
     * The subjects in batches for the call threads: as many batches as threads at least (so all work), at most
     * {@link #PREPARED_TOGETHER} subjects each (so a batch's state is read just before it is sent).
     */
    private List<List<SubjectRound>> batches(List<List<PendingRow>> subjects) {
        int size = Math.max(1, Math.min(PREPARED_TOGETHER,
                (subjects.size() + options.threads() - 1) / options.threads()));
        List<List<SubjectRound>> batches = new ArrayList<>();
        for (int from = 0; from < subjects.size(); from += size) {
            batches.add(subjects.subList(from, Math.min(from + size, subjects.size())).stream()
                    .map(rows -> new SubjectRound(this, rows)).toList());
        }
        return batches;
    }

    private void noticePause(Notices notices) {
        if (paused != null) {
            notices.send(realmId, paused);
            paused = null;
        }
    }

    /** Takes the lease and reads the batch; null when there is nothing to do now. */
    private Boolean begin(KeycloakSession session, List<List<PendingRow>> subjects) {
        DeliveryStore store = new DeliveryStore(session);
        long now = Time.currentTimeMillis();
        // the lease first, then the state: read before, it could miss what the node that held the lease last wrote
        // (a pause), and this round would deliver on it and write it back
        if (!store.lease(targetId, owner, now, now + options.lease().toMillis())) {
            return null; // another node delivers to it, or the worker has not made its state row yet
        }
        TargetStateEntity state = store.state(targetId);
        realmId = state.realmId();
        leaseRenewedAt.set(now);
        RealmModel realm = session.realms().getRealm(realmId);
        ComponentModel component = realm == null ? null : realm.getComponent(targetId);
        if (component == null || state.status() == TargetStatus.PAUSED || now < state.nextRunAt()) {
            store.release(targetId, owner);
            return null;
        }
        session.getContext().setRealm(realm);
        targetName = component.getName();
        ProvisioningTarget target;
        try {
            target = provider(session, component);
        } catch (RuntimeException e) {
            LOG.warnf("Orgbridge provisioning target '%s' cannot be used: %s", component.getName(), e.getMessage());
            store.release(targetId, owner);
            return null;
        }
        policy = target.policy();
        if (massDeletion(store, state, now)) {
            store.release(targetId, owner);
            return null;
        }
        List<PendingRow> queue = store.queue(targetId, options.batchSize()).stream().map(PendingRow::of).toList();
        Map<String, List<PendingRow>> bySubject = new LinkedHashMap<>();
        queue.forEach(row -> bySubject.computeIfAbsent(row.subjectId(), id -> new ArrayList<>()).add(row));
        bySubject.values().stream()
                .filter(rows -> rows.get(0).nextAt() <= now)
                .limit(state.status() == TargetStatus.QUARANTINED ? 1 : Long.MAX_VALUE) // a probe
                .forEach(subjects::add);
        return queue.size() == options.batchSize();
    }

    /** Pauses the target if the deletions queued within the guard's window are too many; true when paused. */
    private boolean massDeletion(DeliveryStore store, TargetStateEntity state, long now) {
        MassDeletionGuard guard = policy.massDeletion();
        long since = Math.max(now - guard.window().toMillis(), state.deletionsConfirmedAt());
        long deletions = store.deletionsSince(targetId, since);
        if (deletions < guard.minimumDeletions()) {
            return false;
        }
        long held = store.held(targetId) + store.deletedSince(targetId, since); // as before these deletions
        MassDeletionGuard.Verdict verdict = guard.check(deletions, held);
        if (verdict instanceof MassDeletionGuard.Pause pause) {
            String detail = pause.deletions() + " deletions within " + guard.window().toMinutes() + " min reach "
                    + pause.threshold() + " for " + pause.users() + " users held";
            state.pause(TargetStatus.PAUSED, detail, now);
            paused = new TargetPaused(targetName, TargetPaused.MassDeletion.of(pause), Instant.ofEpochMilli(now));
            LOG.warnf("Orgbridge paused provisioning target %s: %s; resume it to confirm the deletions", targetId,
                    detail);
            return true;
        }
        return false;
    }

    /** Folds the round into the target's state and lets the lease go. */
    private void end(KeycloakSession session) {
        DeliveryStore store = new DeliveryStore(session);
        TargetStateEntity state = store.state(targetId);
        if (state == null) {
            return; // the target was removed meanwhile
        }
        long now = Time.currentTimeMillis();
        if (health.anySuccess()) {
            state.succeeded(health.lastSuccessAt());
            if (state.status() == TargetStatus.QUARANTINED) {
                state.release();
                LOG.infof("Orgbridge provisioning target %s answered again: out of quarantine", targetId);
            }
        }
        int failures = health.trailingFailures();
        if (failures > 0) {
            state.failed(failures, health.firstFailureAt(), health.lastFailureAt(), health.lastError());
            if (state.status() == TargetStatus.QUARANTINED) {
                state.runNoEarlierThan(now + PROBE_EVERY.toMillis());
            } else if (policy.quarantine().applies(state.failures(), Instant.ofEpochMilli(state.firstFailureAt()),
                    Instant.ofEpochMilli(now))) {
                String detail = state.failures() + " failed attempts in a row since "
                        + Instant.ofEpochMilli(state.firstFailureAt()) + ", the last: " + health.lastError();
                state.pause(TargetStatus.QUARANTINED, detail, now);
                paused = new TargetPaused(targetName, new TargetPaused.Quarantined(state.failures(),
                        Duration.ofMillis(now - state.firstFailureAt())), Instant.ofEpochMilli(now));
                state.runNoEarlierThan(now + PROBE_EVERY.toMillis());
                LOG.warnf("Orgbridge quarantined provisioning target %s: %s", targetId, detail);
            } else if (health.tripped()) {
                state.runNoEarlierThan(now + backoff(state.failures()));
            }
        }
        store.release(targetId, owner);
    }

    /** The wait of a target that failed {@code failures} times in a row: the retry delays, by rounds of failures. */
    private long backoff(int failures) {
        Duration delay = policy.retries().delayAfter(Math.max(1, failures / TargetHealth.TRIP_AFTER), () -> 0.5);
        return Math.min(delay.toMillis(), MAX_BACKOFF.toMillis());
    }

    /** Keeps the lease while the round runs, renewing it at most every third of its length. */
    void renewLease(KeycloakSession session, long now) {
        long renewed = leaseRenewedAt.get();
        if (now - renewed > options.lease().toMillis() / 3 && leaseRenewedAt.compareAndSet(renewed, now)) {
            new DeliveryStore(session).lease(targetId, owner, now, now + options.lease().toMillis());
        }
    }

    /**
     * The target as its component configures it now: parsed once per round, and again only when an admin changed it
     * meanwhile (the parse checks the URL and reads secrets, which every call would otherwise repeat).
     */
    ProvisioningTarget provider(KeycloakSession session, ComponentModel component) {
        Parsed current = parsed;
        if (current == null || !current.of(component)) {
            current = new Parsed(component.getProviderId(), new MultivaluedHashMap<>(component.getConfig()),
                    ProvisioningTargets.of(session, component));
            parsed = current;
        }
        return current.target();
    }

    /** A target parsed from its component's settings as they were then. */
    private record Parsed(String providerId, MultivaluedHashMap<String, String> config, ProvisioningTarget target) {
        boolean of(ComponentModel component) {
            return providerId.equals(component.getProviderId()) && config.equals(component.getConfig());
        }
    }

    KeycloakSessionFactory sessionFactory() {
        return sessionFactory;
    }

    String targetId() {
        return targetId;
    }

    String realmId() {
        return realmId;
    }

    DeliveryPolicy policy() {
        return policy;
    }

    BatchedWrites writes() {
        return writes;
    }

    TargetHealth health() {
        return health;
    }
}
