package dev.orgbridge.delivery.worker;

import dev.orgbridge.core.provisioning.notify.DigestSchedule;
import dev.orgbridge.core.provisioning.notify.FailureCounts;
import dev.orgbridge.core.provisioning.notify.FailureDigest;
import dev.orgbridge.core.provisioning.notify.NotificationKind;
import dev.orgbridge.delivery.notify.NotificationException;
import dev.orgbridge.delivery.notify.NotificationMailer;
import dev.orgbridge.delivery.targets.EmailNotificationTarget;
import dev.orgbridge.delivery.targets.EmailNotificationTargetFactory;
import dev.orgbridge.delivery.targets.ProvisioningTargets;
import dev.orgbridge.support.delivery.DeliveryEntity;
import dev.orgbridge.support.delivery.DeliveryStore;
import dev.orgbridge.support.delivery.DigestEntity;
import dev.orgbridge.support.delivery.TargetStateEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * Mails failure digests: for each notification target that takes {@code provisioning-failures} and each provisioning
 * target of its realm, the failed attempts and dead letters counted since its last digest, at most one mail per
 * {@link DigestSchedule} interval, however many failures there were.
 *
 * <p>Cluster-safe by a claim: in one transaction a node reads the counts and the last digest, and claims the digest
 * with a conditional update on its version (the time it goes and the counts it covers); only then, after the commit
 * and outside any transaction, is the mail sent. A node that read the same digest claims nothing (the version moved
 * on), so two nodes never send the same digest. A node that dies between its claim and its mail loses that one
 * digest (its failures count as reported); the order is chosen so that a crash can lose a mail but never repeat one.
 */
final class Digests {

    private static final Logger LOG = Logger.getLogger(Digests.class);

    private final KeycloakSessionFactory sessionFactory;
    private final NotificationMailer mailer = new NotificationMailer();

    Digests(KeycloakSessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /** Claims the digests that are due, then mails them. */
    void send() {
        List<Claimed> claimed;
        try {
            claimed = KeycloakModelUtils.runJobInTransactionWithResult(sessionFactory, Digests::claim);
        } catch (RuntimeException e) {
            // e.g. two nodes began to watch the same target at once: one of them wins, the next run sees its row
            LOG.debugf("Orgbridge failure digests wait for the next run: %s", e.getMessage());
            return;
        }
        claimed.forEach(this::mail);
    }

    /** A digest claimed for sending, with what its mail needs once the transaction is gone. */
    private record Claimed(String realmId, EmailNotificationTarget notifier, FailureDigest digest) {
    }

    private static List<Claimed> claim(KeycloakSession session) {
        DeliveryStore store = new DeliveryStore(session);
        long now = Time.currentTimeMillis();
        List<Claimed> claimed = new ArrayList<>();
        for (String realmId : store.realmsWithComponents(ProvisioningTargets.TYPE)) {
            RealmModel realm = session.realms().getRealm(realmId);
            if (realm == null) {
                continue;
            }
            session.getContext().setRealm(realm);
            Map<String, ComponentModel> provisioning = new HashMap<>();
            List<EmailNotificationTarget> notifiers = new ArrayList<>();
            realm.getComponentsStream(realmId, ProvisioningTargets.TYPE).forEach(component -> {
                if (EmailNotificationTargetFactory.PROVIDER_ID.equals(component.getProviderId())) {
                    notifier(session, component).ifPresent(notifiers::add);
                } else {
                    provisioning.put(component.getId(), component);
                }
            });
            if (notifiers.isEmpty()) {
                continue;
            }
            Map<DigestEntity.Key, DigestEntity> digests = new HashMap<>();
            store.digests(realmId).forEach(d -> digests.put(new DigestEntity.Key(d.notificationTargetId(),
                    d.targetId()), d));
            for (TargetStateEntity state : store.states(realmId)) {
                ComponentModel target = provisioning.get(state.targetId());
                if (target == null) {
                    continue; // a notification target's own failures are not mailed through the same SMTP server
                }
                for (EmailNotificationTarget notifier : notifiers) {
                    DigestEntity digest = digests.get(new DigestEntity.Key(notifier.componentId(), target.getId()));
                    if (digest == null) {
                        store.watch(notifier.componentId(), state, now);
                    } else {
                        due(session, realm, store, state, target.getName(), notifier, digest, now)
                                .ifPresent(d -> claimed.add(new Claimed(realmId, notifier, d)));
                    }
                }
            }
        }
        return claimed;
    }

    /** The digest of {@code state}'s failures since {@code digest} covered them, if one may go now and is claimed. */
    private static Optional<FailureDigest> due(KeycloakSession session, RealmModel realm, DeliveryStore store,
            TargetStateEntity state, String targetName, EmailNotificationTarget notifier, DigestEntity digest,
            long now) {
        FailureCounts counted = new FailureCounts(state.failedAttempts(), state.deadLetters());
        FailureCounts news = counted.since(new FailureCounts(digest.failuresCovered(), digest.deadLettersCovered()));
        if (news.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> lastSent = Optional.ofNullable(digest.sentAt()).map(Instant::ofEpochMilli);
        if (!(notifier.digest().check(lastSent, Instant.ofEpochMilli(now)) instanceof DigestSchedule.SendNow)
                || !store.claimDigest(digest, counted.failedAttempts(), counted.deadLetters(), now)) {
            return Optional.empty();
        }
        // a first digest covers every failure counted so far: its period starts at the oldest one still in the log
        long since = digest.sentAt() != null ? digest.sentAt()
                : Math.min(digest.watchedSince(), store.oldestFailureAt(state.targetId()).orElse(now));
        List<FailureDigest.Example> examples = store.recentFailures(state.targetId(), since,
                FailureDigest.MAX_EXAMPLES).stream().map(row -> example(session, realm, row)).toList();
        return Optional.of(new FailureDigest(targetName, news.failedAttempts(), news.deadLetters(),
                Instant.ofEpochMilli(since), Instant.ofEpochMilli(now), examples));
    }

    /** A failed delivery as the digest lists it: whom it was about (username or alias as now), what, and why. */
    private static FailureDigest.Example example(KeycloakSession session, RealmModel realm, DeliveryEntity row) {
        String subject = switch (row.type().subject()) {
            case USER -> Optional.ofNullable(session.users().getUserById(realm, row.subjectId()))
                    .map(UserModel::getUsername).orElse(null);
            case ORGANIZATION -> Optional.ofNullable(session.getProvider(OrganizationProvider.class)
                    .getById(row.subjectId())).map(OrganizationModel::getAlias).orElse(null);
            case GROUP -> Optional.ofNullable(session.groups().getGroupById(realm, row.subjectId()))
                    .map(GroupModel::getName).orElse(null);
        };
        String name = subject != null ? subject
                : row.lastKnown().name() != null ? row.lastKnown().name() : row.subjectId();
        return new FailureDigest.Example(name, row.type().wireName(), row.lastError());
    }

    private static Optional<EmailNotificationTarget> notifier(KeycloakSession session, ComponentModel component) {
        try {
            EmailNotificationTarget target = (EmailNotificationTarget) ProvisioningTargets.of(session, component);
            return target.notifyOn().kinds().contains(NotificationKind.PROVISIONING_FAILURES)
                    ? Optional.of(target) : Optional.empty();
        } catch (RuntimeException e) {
            LOG.warnf("Orgbridge notification target '%s' cannot be used for failure digests: %s",
                    component.getName(), e.getMessage());
            return Optional.empty();
        }
    }

    /** After the claim committed, outside any write: a mail that fails is logged, never sent again. */
    private void mail(Claimed claimed) {
        KeycloakModelUtils.runJobInTransaction(sessionFactory, session -> {
            RealmModel realm = session.realms().getRealm(claimed.realmId());
            if (realm == null) {
                return;
            }
            try {
                mailer.send(session, realm, claimed.notifier(), claimed.digest());
                LOG.infof("Orgbridge mailed a failure digest about target '%s' of realm %s (%d failed attempts, %d "
                        + "dead letters) through notification target '%s'", claimed.digest().target(),
                        realm.getName(), claimed.digest().failures(), claimed.digest().deadLetters(),
                        claimed.notifier().name());
            } catch (NotificationException | RuntimeException e) {
                LOG.warnf("Orgbridge could not mail the failure digest about target '%s' of realm %s through "
                        + "notification target '%s'; the next digest covers later failures: %s",
                        claimed.digest().target(), realm.getName(), claimed.notifier().name(), e.getMessage());
            }
        });
    }
}
