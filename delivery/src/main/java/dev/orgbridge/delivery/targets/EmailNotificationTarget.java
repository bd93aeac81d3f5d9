package dev.orgbridge.delivery.targets;

import dev.orgbridge.core.domain.EmailAddress;
import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.core.provisioning.notify.DigestSchedule;
import dev.orgbridge.core.provisioning.notify.Notification;
import dev.orgbridge.core.provisioning.notify.NotifyOn;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A notification target as configured: who gets mail, about what, how often a failure digest may go, and in which
 * language (empty: the realm's default, as Keycloak resolves it).
 *
 * @param name the component's name, shown at the foot of every mail so a reader knows which setting sent it
 */
public record EmailNotificationTarget(String componentId, String name, List<EmailAddress> recipients,
                                      NotifyOn notifyOn, DigestSchedule digest, Optional<Locale> locale)
        implements ProvisioningTarget {

    public EmailNotificationTarget {
        recipients = List.copyOf(recipients);
    }

    /** Notification targets take no deliveries of their own: the worker mails them what it notices. */
    @Override
    public boolean wants(EventType type) {
        return false;
    }

    @Override
    public DeliveryPolicy policy() {
        return DeliveryPolicy.DEFAULT;
    }

    @Override
    public Optional<Outgoing> prepare(CallContext call) {
        return Optional.empty();
    }

    /** Whether this target takes {@code notification}'s kind. */
    public boolean accepts(Notification notification) {
        return notifyOn.accepts(notification);
    }
}
