package dev.orgbridge.delivery.notify;

import dev.orgbridge.core.domain.EmailAddress;
import dev.orgbridge.core.provisioning.notify.Notification;
import dev.orgbridge.core.provisioning.notify.NotificationMail;
import dev.orgbridge.delivery.targets.EmailNotificationTarget;
import dev.orgbridge.support.config.SettingsReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;

/**
 * Sends a notification to the recipients of an email notification target: through the realm's SMTP settings, written
 * by the realm's email theme in the target's language, one mail per recipient. Orgbridge's templates and messages are
 * theme resources of its jar, which Keycloak adds to every theme (below the theme's own), so any email theme renders
 * them and a company theme may restyle them. The worker calls it off the request threads, once per notification and
 * target.
 *
 * <p>Keycloak's {@link EmailTemplateProvider} renders and sends; it reads the theme, the language and the user
 * profile from the session's context realm (not from the realm it is given), so the context is set to the target's
 * realm for the call and put back afterwards.
 */
public final class NotificationMailer {

    /**
     * Sends {@code notification} if {@code target} takes its kind.
     *
     * @return false when the target's {@code notifyOn} leaves this kind out (nothing sent); true when every
     *         recipient's mail was handed to the SMTP server
     * @throws NotificationException when the realm has no SMTP server or its email theme no Orgbridge templates
     *                               (nothing tried), or when a recipient's mail failed (the others were still tried)
     */
    public boolean send(KeycloakSession session, RealmModel realm, EmailNotificationTarget target,
            Notification notification) throws NotificationException {
        if (!target.accepts(notification)) {
            return false;
        }
        NotificationMail mail = NotificationMail.of(target.name(), notification);
        String about = "Orgbridge notification target '" + target.name() + "' of realm " + realm.getName();
        requireSmtpServer(realm.getSmtpConfig(), about);
        KeycloakContext context = session.getContext();
        RealmModel previous = context.getRealm();
        context.setRealm(realm);
        try {
            requireTemplates(session, mail, about);
            sendToEach(session, realm, target, mail, about + ": " + SettingsReader.option(notification.kind()));
        } finally {
            context.setRealm(previous);
        }
        return true;
    }

    private static void requireSmtpServer(Map<String, String> smtp, String about) throws NotificationException {
        for (String setting : new String[] {"host", "from"}) {
            String value = smtp.get(setting);
            if (value == null || value.isBlank()) {
                throw new NotificationException(NotificationException.Reason.NO_SMTP_SERVER, about + ": the realm's "
                        + "email settings have no " + setting + " (Realm settings → Email)", null);
            }
        }
    }

    /**
     * Keycloak renders with the realm's email theme and cannot be told another. The templates come with Orgbridge's
     * jar, so only a broken installation lacks them; it would fail on every recipient with a FreeMarker error, so say
     * plainly what is wrong instead.
     */
    private static void requireTemplates(KeycloakSession session, NotificationMail mail, String about)
            throws NotificationException {
        Theme theme;
        try {
            theme = session.theme().getTheme(Theme.Type.EMAIL);
            if (theme.getTemplate("html/" + mail.template()) != null
                    && theme.getTemplate("text/" + mail.template()) != null) {
                return;
            }
        } catch (IOException e) {
            throw new NotificationException(NotificationException.Reason.NO_TEMPLATES, about
                    + ": the realm's email theme cannot be read", e);
        }
        throw new NotificationException(NotificationException.Reason.NO_TEMPLATES, about + ": the realm's email "
                + "theme " + theme.getName() + " finds no Orgbridge mail templates (theme-resources/templates of "
                + "Orgbridge's jar): is the whole Orgbridge bundle in the server's providers?", null);
    }

    private static void sendToEach(KeycloakSession session, RealmModel realm, EmailNotificationTarget target,
            NotificationMail mail, String about) throws NotificationException {
        int failed = 0;
        EmailException first = null;
        for (EmailAddress address : target.recipients()) {
            try {
                session.getProvider(EmailTemplateProvider.class)
                        .setRealm(realm)
                        .setUser(new NotificationRecipient(session, realm, address, target.locale()))
                        .send(mail.subjectKey(), mail.subjectArguments(), mail.template(),
                                new HashMap<>(mail.attributes()), address.toString());
            } catch (EmailException e) {
                failed++;
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw new NotificationException(NotificationException.Reason.NOT_SENT, about + " mail not sent to "
                    + failed + " of " + target.recipients().size() + " recipients: " + first.getMessage(), first);
        }
    }
}
