package dev.orgbridge.delivery.worker;

import dev.orgbridge.core.provisioning.Coalescing;
import dev.orgbridge.core.provisioning.DeliveryOutcome;
import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.core.provisioning.NextStep;
import dev.orgbridge.delivery.targets.Attempt;
import dev.orgbridge.delivery.targets.CallContext;
import dev.orgbridge.delivery.targets.Outgoing;
import dev.orgbridge.delivery.targets.ProvisioningTarget;
import dev.orgbridge.support.delivery.DeliveryEntity;
import dev.orgbridge.support.delivery.DeliveryStatus;
import dev.orgbridge.support.delivery.DeliveryStore;
import dev.orgbridge.support.delivery.RemoteEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionTask;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Delivers the pending changes of one subject (a user, an organization or a group) to one target, in order: folds
 * them into the fewest calls ({@link Coalescing}), reads the subject's current state for each call, sends it outside
 * any transaction, and records what happened. A call to retry stops the subject's round: its later changes wait for it.
 */
final class SubjectRound implements Runnable {

    private static final Logger LOG = Logger.getLogger(SubjectRound.class);

    private final TargetRound target;
    private final List<PendingRow> rows;
    private final Coalescing.Plan plan;
    /** The first call, prepared together with other subjects' ({@link #prepareAhead}); null once used. */
    private Ahead ahead;
    /** Whether this subject has writes queued in the round's {@link BatchedWrites}. */
    private boolean written;

    SubjectRound(TargetRound target, List<PendingRow> rows) {
        this.target = target;
        this.rows = List.copyOf(rows);
        this.plan = plan(this.rows);
    }

    String subjectId() {
        return rows.get(0).subjectId();
    }

    @Override
    public void run() {
        try {
            deliver();
        } catch (RuntimeException e) {
            // the rows stay pending and come back in a later round; a bug must not stop the worker
            LOG.errorf(e, "Orgbridge delivery to target %s stopped for one subject", target.targetId());
        }
    }

    private void deliver() {
        if (!plan.dropped().isEmpty()) {
            settle(rowsAt(plan.dropped()), DeliveryStatus.SKIPPED, null, null, "coalesced into another call");
        }
        for (Coalescing.Call call : plan.calls()) {
            if (target.health().tripped() || !call(call)) {
                return;
            }
        }
    }

    private static Coalescing.Plan plan(List<PendingRow> rows) {
        List<Coalescing.PendingChange> changes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PendingRow row = rows.get(i);
            changes.add(new Coalescing.PendingChange(i, row.type(),
                    row.type().isMembership() ? row.relatedId() : null));
        }
        return Coalescing.plan(rows.get(0).type().subject(), changes);
    }

    /**
     * Prepares the subject's first call in the caller's transaction ({@link SubjectBatch}: one for several subjects,
     * instead of one per call). Nothing the round writes precedes a subject's first call, so it reads what a
     * transaction of its own would.
     */
    void prepareAhead(KeycloakSession session) {
        if (plan.calls().isEmpty()) {
            return;
        }
        Coalescing.Call first = plan.calls().get(0);
        List<PendingRow> covered = rowsAt(first.covers());
        if (!expired(covered, Time.currentTimeMillis())) {
            ahead = new Ahead(first, prepare(session, first, covered, MessageIds.of(ids(covered))));
        }
    }

    /** Drops what {@link #prepareAhead} read (its transaction failed): the call prepares on its own. */
    void forgetAhead() {
        ahead = null;
    }

    /** Makes one call; false when the subject's later calls must wait (a retry, or the target is gone). */
    private boolean call(Coalescing.Call call) {
        List<PendingRow> covered = rowsAt(call.covers());
        long queuedAt = queuedAt(covered);
        if (expired(covered, Time.currentTimeMillis())) {
            settle(covered, DeliveryStatus.DEAD, null, null, "dead letter: too old to send");
            return true;
        }
        String messageId = MessageIds.of(ids(covered));
        Prepared prepared;
        if (ahead != null && ahead.call() == call) {
            prepared = ahead.prepared();
            ahead = null;
        } else {
            if (written) {
                target.writes().flush(); // this call reads what the subject's earlier ones wrote
                written = false;
            }
            prepared = KeycloakModelUtils.runJobInTransactionWithResult(target.sessionFactory(),
                    session -> prepare(session, call, covered, messageId));
        }
        if (prepared.targetGone()) {
            return false;
        }
        if (prepared.outgoing().isEmpty()) {
            settle(covered, DeliveryStatus.SKIPPED, messageId, null, prepared.skipReason());
            return true;
        }
        Outgoing outgoing = prepared.outgoing().get();
        Attempt attempt = outgoing.send(Instant.now());
        int attemptNumber = covered.stream().mapToInt(PendingRow::attempts).max().orElse(0) + 1;
        long sentAt = Time.currentTimeMillis();
        NextStep next = target.policy().retries().after(attempt.outcome(), attemptNumber,
                Instant.ofEpochMilli(queuedAt), Instant.ofEpochMilli(sentAt), ThreadLocalRandom.current()::nextDouble);
        if (attempt.outcome() instanceof DeliveryOutcome.Success) {
            target.health().succeeded(sentAt);
        } else {
            target.health().failed(attempt.describe(), sentAt);
        }
        write(covered, session -> record(session, call.type(), covered, messageId, attempt, outgoing.contentHash(), next,
                sentAt));
        LOG.debugf("Orgbridge delivery %s %s to target %s: %s, %s", call.type(), messageId, target.targetId(),
                attempt.outcome().describe(), next.getClass().getSimpleName());
        return !(next instanceof NextStep.RetryAt);
    }

    private boolean expired(List<PendingRow> covered, long now) {
        return target.policy().retries().expired(Instant.ofEpochMilli(queuedAt(covered)), Instant.ofEpochMilli(now));
    }

    private static long queuedAt(List<PendingRow> covered) {
        return covered.stream().mapToLong(PendingRow::queuedAt).min().orElseThrow();
    }

    private Prepared prepare(KeycloakSession session, Coalescing.Call call, List<PendingRow> covered,
                             String messageId) {
        RealmModel realm = session.realms().getRealm(target.realmId());
        ComponentModel component = realm == null ? null : realm.getComponent(target.targetId());
        if (component == null) {
            return Prepared.gone();
        }
        session.getContext().setRealm(realm);
        ProvisioningTarget provider = target.provider(session, component);
        PendingRow first = covered.get(0);
        RemoteEntity remote = new DeliveryStore(session).remote(target.targetId(), first.subjectId());
        long lastSequence = covered.stream().mapToLong(PendingRow::sequence).max().orElseThrow();
        CallContext context = new CallContext(session, realm, call.type(), first.subjectId(), call.containerId(),
                messageId, Instant.ofEpochMilli(lastSequence / 1000), covered.get(covered.size() - 1).lastKnown(),
                remote == null ? null : remote.remoteId(), remote != null,
                call.type().isMembership() ? null : first.relatedId());
        Optional<Outgoing> outgoing = provider.prepare(context);
        if (outgoing.isEmpty()) {
            return Prepared.skip("out of the target's scope, or no longer exists");
        }
        boolean update = call.type().change() == EventType.Change.UPDATED
                || call.type().change() == EventType.Change.TOGGLED;
        String hash = outgoing.get().contentHash();
        boolean resync = covered.stream().anyMatch(PendingRow::resync); // a re-sync repairs drift: always send
        if (update && !resync && remote != null && hash != null && hash.equals(remote.contentHash())) {
            return Prepared.skip("unchanged since the last delivery");
        }
        return new Prepared(outgoing, null, false);
    }

    private void record(KeycloakSession session, EventType type, List<PendingRow> covered, String messageId,
                        Attempt attempt, String contentHash, NextStep next, long now) {
        new Settlement(session, target.targetId()).record(type, covered.get(0).subjectId(), ids(covered),
                laterRows(covered), messageId, attempt, contentHash, next, now);
        target.renewLease(session, now);
    }

    private void settle(List<PendingRow> settled, DeliveryStatus status, String messageId, Integer httpStatus,
                        String detail) {
        write(settled, session -> new Settlement(session, target.targetId()).settle(ids(settled), status, messageId,
                httpStatus, detail, Time.currentTimeMillis()));
    }

    private static List<String> ids(List<PendingRow> rows) {
        return rows.stream().map(PendingRow::id).toList();
    }

    private void write(List<PendingRow> settled, KeycloakSessionTask write) {
        target.writes().add(new BatchedWrites.Write(subjectId(), ids(settled), write));
        written = true;
    }

    /** The subject's rows after the last of {@code covered}, which wait behind a retry. */
    private List<String> laterRows(List<PendingRow> covered) {
        long last = covered.stream().mapToLong(PendingRow::sequence).max().orElseThrow();
        return rows.stream().filter(row -> row.sequence() > last && !covered.contains(row))
                .map(PendingRow::id).toList();
    }

    private List<PendingRow> rowsAt(List<Long> positions) {
        return positions.stream().map(position -> rows.get(Math.toIntExact(position))).toList();
    }

    private record Ahead(Coalescing.Call call, Prepared prepared) {
    }

    /** What to do for a call: send this, skip it (and why), or stop (the target was removed meanwhile). */
    private record Prepared(Optional<Outgoing> outgoing, String skipReason, boolean targetGone) {
        static Prepared skip(String reason) {
            return new Prepared(Optional.empty(), reason, false);
        }

        static Prepared gone() {
            return new Prepared(Optional.empty(), null, true);
        }
    }
}
