package dev.orgbridge.delivery.targets;

import dev.orgbridge.core.domain.EmailAddress;
import dev.orgbridge.core.provisioning.DeliveryOutcome;
import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.core.provisioning.notify.DigestSchedule;
import dev.orgbridge.core.provisioning.notify.Notification;
import dev.orgbridge.core.provisioning.notify.NotificationKind;
import dev.orgbridge.core.provisioning.notify.NotifyOn;
import dev.orgbridge.core.provisioning.notify.OrganizationCreated;
import dev.orgbridge.core.provisioning.notify.UserProvisioned;
import dev.orgbridge.delivery.notify.NotificationException;
import dev.orgbridge.delivery.notify.NotificationMailer;
import dev.orgbridge.support.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * A notification target as configured: who gets mail, about what, how often a failure digest may go, and in which
 * language (empty: the realm's default, as Keycloak resolves it).
 *
 * <p>New organizations and users created just in time reach it as deliveries, like any target's changes: the worker
 * queues {@code organization.created} and (when {@code notifyOn} has it) {@code user.created} of a broker login for
 * it, reads the organization or user when the mail is prepared, and mails it outside any transaction, with the queue's
 * retries, dead letters and provisioning log. Failure digests and paused targets are mailed by the worker itself.
 *
 * @param name the component's name, shown at the foot of every mail so a reader knows which setting sent it
 */
public record EmailNotificationTarget(String componentId, String name, List<EmailAddress> recipients,
                                      NotifyOn notifyOn, DigestSchedule digest, Optional<Locale> locale)
        implements ProvisioningTarget {

    private static final NotificationMailer MAILER = new NotificationMailer();

    public EmailNotificationTarget {
        recipients = List.copyOf(recipients);
    }

    @Override
    public boolean wants(EventType type) {
        return switch (type) {
            case ORGANIZATION_CREATED -> takes(NotificationKind.ORGANIZATION_CREATED);
            case USER_CREATED -> takes(NotificationKind.USER_CREATED_JUST_IN_TIME);
            default -> false;
        };
    }

    /** Users only when a broker login created them (capture kept its identity provider); admins' users are no news. */
    @Override
    public boolean wants(OutboxEntry change) {
        return wants(change.type()) && (change.type() != EventType.USER_CREATED || change.relatedId() != null);
    }

    /** It mails admins about some new users; it keeps none, so there is nothing to provision or re-sync. */
    @Override
    public boolean takesUserChanges() {
        return false;
    }

    @Override
    public DeliveryPolicy policy() {
        return DeliveryPolicy.DEFAULT;
    }

    /** The mail about the organization or user as it is now; none when it is gone meanwhile. */
    @Override
    public Optional<Outgoing> prepare(CallContext call) {
        Optional<Notification> notification = switch (call.type()) {
            case ORGANIZATION_CREATED -> organizationCreated(call);
            case USER_CREATED -> userProvisioned(call);
            default -> Optional.empty();
        };
        return notification.filter(this::accepts)
                .map(n -> new Mail(call.session().getKeycloakSessionFactory(), call.realm().getId(), n));
    }

    /** Whether this target takes {@code notification}'s kind. */
    public boolean accepts(Notification notification) {
        return notifyOn.accepts(notification);
    }

    private boolean takes(NotificationKind kind) {
        return notifyOn.kinds().contains(kind);
    }

    private static Optional<Notification> organizationCreated(CallContext call) {
        OrganizationModel organization = organizations(call.session()).getById(call.subjectId());
        if (organization == null) {
            return Optional.empty();
        }
        List<String> domains = organization.getDomains().map(OrganizationDomainModel::getName).sorted().toList();
        return Optional.of(new OrganizationCreated(organization.getName(), organization.getAlias(), domains,
                call.identityProvider()));
    }

    private static Optional<Notification> userProvisioned(CallContext call) {
        UserModel user = call.session().users().getUserById(call.realm(), call.subjectId());
        if (user == null || call.identityProvider() == null) {
            return Optional.empty();
        }
        String organization = organizations(call.session()).getByMember(user).map(OrganizationModel::getName)
                .sorted().findFirst().orElse(null);
        return Optional.of(new UserProvisioned(user.getUsername(), user.getEmail(), organization,
                call.identityProvider()));
    }

    private static OrganizationProvider organizations(KeycloakSession session) {
        return session.getProvider(OrganizationProvider.class);
    }

    /**
     * One notification to mail. Rendering and sending need a session (the realm's theme, SMTP settings and language),
     * so the mail opens its own; it only reads, so nothing is written or rolled back with it.
     */
    private final class Mail implements Outgoing {
        private final KeycloakSessionFactory sessionFactory;
        private final String realmId;
        private final Notification notification;

        Mail(KeycloakSessionFactory sessionFactory, String realmId, Notification notification) {
            this.sessionFactory = sessionFactory;
            this.realmId = realmId;
            this.notification = notification;
        }

        /** Mails are always sent: there is no "unchanged since the last one". */
        @Override
        public String contentHash() {
            return null;
        }

        @Override
        public Attempt send(Instant now) {
            return KeycloakModelUtils.runJobInTransactionWithResult(sessionFactory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                if (realm == null) {
                    return new Attempt(new DeliveryOutcome.PermanentFailure(
                            DeliveryOutcome.TransportFailure.MAIL_NOT_CONFIGURED), null, "the realm is gone");
                }
                try {
                    MAILER.send(session, realm, EmailNotificationTarget.this, notification);
                    return Attempt.of(new DeliveryOutcome.Success(DeliveryOutcome.Success.MAILED));
                } catch (NotificationException e) {
                    return failed(e);
                }
            });
        }

        /** An SMTP server that failed may recover; missing settings or templates need an admin (a dead letter). */
        private static Attempt failed(NotificationException e) {
            DeliveryOutcome outcome = e.reason() == NotificationException.Reason.NOT_SENT
                    ? new DeliveryOutcome.Retry(DeliveryOutcome.TransportFailure.MAIL_NOT_SENT, Optional.empty())
                    : new DeliveryOutcome.PermanentFailure(DeliveryOutcome.TransportFailure.MAIL_NOT_CONFIGURED);
            return new Attempt(outcome, null, e.getMessage());
        }
    }
}
