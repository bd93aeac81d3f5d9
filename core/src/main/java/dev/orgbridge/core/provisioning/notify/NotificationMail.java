package dev.orgbridge.core.provisioning.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One notification as the email theme renders it: the subject message and its arguments, the template (under
 * {@code html/} and {@code text/}) and its values. The values are the notification's, and
 * {@value #NOTIFICATION_TARGET} (the notification target's name, so a reader knows which setting sent the mail).
 */
public record NotificationMail(String subjectKey, List<Object> subjectArguments, String template,
                               Map<String, Object> attributes) {

    public static final String NOTIFICATION_TARGET = "notificationTarget";

    public NotificationMail {
        Objects.requireNonNull(subjectKey, "subjectKey");
        subjectArguments = List.copyOf(subjectArguments);
        Objects.requireNonNull(template, "template");
        attributes = Map.copyOf(attributes);
    }

    /** The mail for {@code notification} sent by the notification target named {@code notificationTarget}. */
    public static NotificationMail of(String notificationTarget, Notification notification) {
        Map<String, Object> attributes = new LinkedHashMap<>(notification.attributes());
        attributes.put(NOTIFICATION_TARGET, MailText.required(notificationTarget, "notificationTarget"));
        NotificationKind kind = notification.kind();
        return new NotificationMail(kind.subjectKey(), notification.subjectArguments(), kind.template(), attributes);
    }
}
