package dev.orgbridge.delivery.worker;

import dev.orgbridge.core.provisioning.CurrentStateCall;
import dev.orgbridge.core.provisioning.DeliveryOutcome;
import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.core.provisioning.NextStep;
import dev.orgbridge.delivery.targets.Attempt;
import dev.orgbridge.delivery.targets.CallContext;
import dev.orgbridge.delivery.targets.DeliveryPolicy;
import dev.orgbridge.delivery.targets.Outgoing;
import dev.orgbridge.delivery.targets.ProvisioningTarget;
import dev.orgbridge.delivery.targets.ProvisioningTargets;
import dev.orgbridge.support.delivery.DeliveryEntity;
import dev.orgbridge.support.delivery.DeliveryStatus;
import dev.orgbridge.support.delivery.DeliveryStore;
import dev.orgbridge.support.delivery.RemoteEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.keycloak.common.util.Time;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Provisions one user to one target now, on the caller's thread, the way the worker would: under the target's lease
 * (so no worker round sends to the target meanwhile, on any node), as a delivery in the provisioning log, prepared by
 * the target in one short transaction, sent outside any, and recorded in another ({@link Settlement}). It sends the
 * user's current state even when unchanged since the last delivery: an admin asked for it. A retryable failure stays
 * queued, and the worker retries it.
 */
public final class ProvisionNow {

    /** The source of its deliveries in the provisioning log. */
    public static final String SOURCE = "provision-now";
    /** How long the lease is taken for: more than a call's timeouts. */
    private static final Duration LEASE = Duration.ofSeconds(60);
    /** How long to wait for a worker round that holds the target to end. */
    private static final Duration LEASE_WAIT = Duration.ofSeconds(10);
    private static final long LEASE_POLL_MILLIS = 100;

    private final KeycloakSessionFactory sessionFactory;
    private final String realmId;
    private final String targetId;
    private final String owner = "provision-now-" + UUID.randomUUID();

    public ProvisionNow(KeycloakSessionFactory sessionFactory, String realmId, String targetId) {
        this.sessionFactory = sessionFactory;
        this.realmId = realmId;
        this.targetId = targetId;
    }

    /** What the call came to. */
    public enum Status { DELIVERED, FAILED, SKIPPED }

    /**
     * @param operation     the call made: {@code user.created} when the target did not hold the user, else
     *                      {@code user.updated} (a SCIM target creates or adopts, then updates, either way)
     * @param reason        why nothing was sent ({@link Status#SKIPPED}), or why a failure is final
     * @param error         short, log-safe words on the failure (a SCIM error's type and detail)
     * @param nextAttemptAt when the worker retries a retryable failure; null otherwise
     * @param remoteId      the target's id for the user (SCIM), if known
     */
    public record Result(String deliveryId, String userId, String username, EventType operation, Status status,
                         String reason, Integer httpStatus, String error, Long nextAttemptAt, String remoteId,
                         String messageId, long startedAt, long finishedAt) {
    }

    /** Why the call was not made at all; nothing was recorded. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** What was refused. */
        public enum Reason { NO_TARGET, NO_USER, NO_USER_DELIVERIES, BUSY }

        private final Reason reason;

        Refused(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** Provisions the user; throws {@link Refused} for an unknown target or user, a target taking no users, or one busy. */
    public Result user(String userId) {
        long startedAt = Time.currentTimeMillis();
        KeycloakModelUtils.runJobInTransaction(sessionFactory, session -> check(session, userId));
        takeLease();
        try {
            Prepared prepared = KeycloakModelUtils.runJobInTransactionWithResult(sessionFactory,
                    session -> prepare(session, userId));
            if (prepared.outgoing().isEmpty()) {
                return prepared.result(Status.SKIPPED, "out of the target's scope", null, null, null,
                        prepared.remoteId(), startedAt, Time.currentTimeMillis());
            }
            Outgoing outgoing = prepared.outgoing().get();
            Attempt attempt = outgoing.send(Instant.now());
            long sentAt = Time.currentTimeMillis();
            NextStep next = prepared.policy().retries().after(attempt.outcome(), 1, Instant.ofEpochMilli(sentAt),
                    Instant.ofEpochMilli(sentAt), ThreadLocalRandom.current()::nextDouble);
            KeycloakModelUtils.runJobInTransaction(sessionFactory, session -> new Settlement(session, targetId)
                    .record(prepared.type(), userId, List.of(prepared.deliveryId()), List.of(),
                            prepared.messageId(), attempt, outgoing.contentHash(), next, sentAt));
            String remoteId = attempt.remoteId() == null ? prepared.remoteId() : attempt.remoteId();
            long finishedAt = Time.currentTimeMillis();
            if (attempt.outcome() instanceof DeliveryOutcome.Success) {
                return prepared.result(Status.DELIVERED, null, attempt.httpStatus(), null, null, remoteId, startedAt,
                        finishedAt);
            }
            Long retryAt = next instanceof NextStep.RetryAt retry ? Long.valueOf(retry.at().toEpochMilli()) : null;
            String reason = next instanceof NextStep.DeadLetter dead ? "dead letter: " + dead.reason().words()
                    : "the worker retries it";
            return prepared.result(Status.FAILED, reason, attempt.httpStatus(), attempt.describe(), retryAt, remoteId,
                    startedAt, finishedAt);
        } finally {
            KeycloakModelUtils.runJobInTransaction(sessionFactory,
                    session -> new DeliveryStore(session).release(targetId, owner));
        }
    }

    /** Refuses what cannot be provisioned before waiting for the target; makes its state row, for the lease. */
    private void check(KeycloakSession session, String userId) {
        RealmModel realm = session.realms().getRealm(realmId);
        ProvisioningTarget target = target(session, realm);
        user(session, realm, userId);
        if (!target.takesUserChanges()) {
            throw new Refused(Refused.Reason.NO_USER_DELIVERIES, "Provisioning target " + targetId
                    + " takes no user changes (it sends mails, or its event types leave users out)");
        }
        new DeliveryStore(session).stateOrNew(targetId, realmId);
    }

    /** Takes the target's lease, waiting for a worker round that holds it; refuses when it stays busy. */
    private void takeLease() {
        long deadline = System.nanoTime() + LEASE_WAIT.toNanos();
        while (!Boolean.TRUE.equals(KeycloakModelUtils.runJobInTransactionWithResult(sessionFactory, session -> {
            long now = Time.currentTimeMillis();
            return new DeliveryStore(session).lease(targetId, owner, now, now + LEASE.toMillis());
        }))) {
            if (System.nanoTime() > deadline) {
                throw new Refused(Refused.Reason.BUSY, "Provisioning target " + targetId + " is being delivered "
                        + "to; try again in a few seconds");
            }
            try {
                Thread.sleep(LEASE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Refused(Refused.Reason.BUSY, "Interrupted while waiting for provisioning target "
                        + targetId);
            }
        }
    }

    /** Queues the delivery and has the target prepare the call; a call not needed is settled as skipped here. */
    private Prepared prepare(KeycloakSession session, String userId) {
        RealmModel realm = session.realms().getRealm(realmId);
        ProvisioningTarget target = target(session, realm);
        session.getContext().setRealm(realm);
        UserModel user = user(session, realm, userId);
        DeliveryStore store = new DeliveryStore(session);
        RemoteEntity remote = store.remote(targetId, userId);
        EventType type = CurrentStateCall.of(remote != null, target::wants).orElseThrow(() -> new Refused(
                Refused.Reason.NO_USER_DELIVERIES, "Provisioning target " + targetId + " takes no user changes"));
        long now = Time.currentTimeMillis();
        DeliveryEntity row = store.enqueue(targetId, realmId, ResyncWalker.change(type, user, SOURCE, now), now);
        String messageId = MessageIds.of(List.of(row.id()));
        String remoteId = remote == null ? null : remote.remoteId();
        CallContext call = new CallContext(session, realm, type, userId, null, messageId, Instant.ofEpochMilli(now),
                row.lastKnown(), remoteId, remote != null, null);
        Optional<Outgoing> outgoing = target.prepare(call);
        if (outgoing.isEmpty()) {
            new Settlement(session, targetId).settle(List.of(row.id()), DeliveryStatus.SKIPPED, messageId, null,
                    "out of the target's scope", now);
        }
        return new Prepared(row.id(), userId, user.getUsername(), type, messageId, remoteId, target.policy(),
                outgoing);
    }

    private ProvisioningTarget target(KeycloakSession session, RealmModel realm) {
        ComponentModel component = realm == null ? null : realm.getComponent(targetId);
        if (component == null || !ProvisioningTargets.TYPE.equals(component.getProviderType())) {
            throw new Refused(Refused.Reason.NO_TARGET, "No provisioning target " + targetId + " in this realm");
        }
        session.getContext().setRealm(realm);
        return ProvisioningTargets.of(session, component);
    }

    private static UserModel user(KeycloakSession session, RealmModel realm, String userId) {
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            throw new Refused(Refused.Reason.NO_USER, "User not found");
        }
        return user;
    }

    /** The call as prepared, for once the transaction is gone. */
    private record Prepared(String deliveryId, String userId, String username, EventType type, String messageId,
                            String remoteId, DeliveryPolicy policy, Optional<Outgoing> outgoing) {

        Result result(Status status, String reason, Integer httpStatus, String error, Long nextAttemptAt,
                      String remote, long startedAt, long finishedAt) {
            return new Result(deliveryId, userId, username, type, status, reason, httpStatus, error, nextAttemptAt,
                    remote, messageId, startedAt, finishedAt);
        }
    }
}
