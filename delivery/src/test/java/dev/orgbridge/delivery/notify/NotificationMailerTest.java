package dev.orgbridge.delivery.notify;

import static dev.orgbridge.delivery.Stub.returns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.domain.EmailAddress;
import dev.orgbridge.core.provisioning.notify.DigestSchedule;
import dev.orgbridge.core.provisioning.notify.Notification;
import dev.orgbridge.core.provisioning.notify.NotifyOn;
import dev.orgbridge.core.provisioning.notify.OrganizationCreated;
import dev.orgbridge.core.provisioning.notify.UserProvisioned;
import dev.orgbridge.delivery.Stub;
import dev.orgbridge.delivery.notify.NotificationException.Reason;
import dev.orgbridge.delivery.targets.EmailNotificationTarget;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.ThemeManager;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

/**
 * The mailer hands Keycloak's template provider one mail per recipient, in the target's language, with the realm as
 * the session's context while it does; it says plainly when the realm cannot send Orgbridge's mails at all.
 */
class NotificationMailerTest {

    private static final Map<String, String> SMTP = Map.of("host", "smtp.acme.com", "from", "keycloak@acme.com",
            "auth", "true", "user", "keycloak", "password", "s3cret-smtp-password");
    private static final Notification ORGANIZATION = OrganizationCreated.atLogin("ACME Corp", "acme",
            List.of("acme.com"), "acme-oidc");

    private final NotificationMailer mailer = new NotificationMailer();
    private final List<Sent> sent = new ArrayList<>();
    private final RealmModel[] contextRealm = new RealmModel[1];

    /** One call of EmailTemplateProvider.send, as the mailer made it. */
    record Sent(RealmModel realm, UserModel user, String subjectKey, List<Object> subjectArguments, String template,
                Map<String, Object> attributes, String address, RealmModel contextRealm) {
    }

    @Test
    void sendsOneMailPerRecipientInTheTargetsLanguage() throws Exception {
        RealmModel realm = realm(SMTP);

        boolean done = mailer.send(session(true, Set.of()), realm,
                target(Optional.of(Locale.GERMAN), "ops@acme.com", "Security.Team@acme.com"), ORGANIZATION);

        assertTrue(done);
        assertEquals(List.of("ops@acme.com", "Security.Team@acme.com"), sent.stream().map(Sent::address).toList());
        for (Sent mail : sent) {
            assertEquals(realm, mail.realm());
            assertEquals(realm, mail.contextRealm(), "Keycloak picks theme and language from the context's realm");
            assertEquals("de", mail.user().getFirstAttribute(UserModel.LOCALE));
            assertEquals(mail.address().toLowerCase(Locale.ROOT), mail.user().getEmail());
            assertEquals("orgbridgeOrganizationCreatedSubject", mail.subjectKey());
            assertEquals(List.of("ACME Corp"), mail.subjectArguments());
            assertEquals("orgbridge-organization-created.ftl", mail.template());
            assertEquals(Map.of("organizationName", "ACME Corp", "organizationAlias", "acme",
                    "organizationDomains", List.of("acme.com"), "identityProvider", "acme-oidc",
                    "notificationTarget", "ops mails"), mail.attributes());
        }
        assertNull(contextRealm[0], "the context is put back");
    }

    @Test
    void withoutALanguageKeycloakUsesTheRealmsDefault() throws Exception {
        mailer.send(session(true, Set.of()), realm(SMTP), target(Optional.empty(), "ops@acme.com"),
                ORGANIZATION);

        assertNull(sent.get(0).user().getFirstAttribute(UserModel.LOCALE));
    }

    @Test
    void theRecipientIsNobodysAccount() throws Exception {
        mailer.send(session(true, Set.of()), realm(SMTP), target(Optional.empty(), "ops@acme.com"),
                ORGANIZATION);

        UserModel recipient = sent.get(0).user();
        assertThrows(RuntimeException.class, () -> recipient.setEmail("attacker@example.com"));
        assertThrows(UnsupportedOperationException.class, recipient::credentialManager);
    }

    @Test
    void aKindTheTargetLeavesOutSendsNothing() throws Exception {
        KeycloakSession untouched = Stub.of(KeycloakSession.class, Map.of());

        boolean done = mailer.send(untouched, realm(SMTP), target(Optional.empty(), "ops@acme.com"),
                new UserProvisioned("jmuller", null, null, "acme-oidc"));

        assertFalse(done);
    }

    static Stream<Arguments> realmsThatCannotSend() {
        return Stream.of(
                arguments("no SMTP settings", Map.of(), true, Reason.NO_SMTP_SERVER,
                        "Orgbridge notification target 'ops mails' of realm app: the realm's email settings have no "
                                + "host (Realm settings → Email)"),
                arguments("no sender address", Map.of("host", "smtp.acme.com"), true, Reason.NO_SMTP_SERVER,
                        "Orgbridge notification target 'ops mails' of realm app: the realm's email settings have no "
                                + "from (Realm settings → Email)"),
                arguments("a server without Orgbridge's theme resources", SMTP, false, Reason.NO_TEMPLATES,
                        "Orgbridge notification target 'ops mails' of realm app: the realm's email theme keycloak "
                                + "finds no Orgbridge mail templates (theme-resources/templates of Orgbridge's jar): "
                                + "is the whole Orgbridge bundle in the server's providers?"));
    }

    @ParameterizedTest(name = "{0} → {3}")
    @MethodSource("realmsThatCannotSend")
    void aRealmThatCannotSendOrgbridgesMailsIsToldWhatToChange(String story, Map<String, String> smtp,
            boolean templates, Reason reason, String message) {
        NotificationException refused = assertThrows(NotificationException.class, () -> mailer.send(
                session(templates, Set.of()), realm(smtp), target(Optional.empty(), "ops@acme.com"), ORGANIZATION));

        assertEquals(reason, refused.reason());
        assertEquals(message, refused.getMessage());
        assertEquals(List.of(), sent, "nothing tried");
        assertNull(contextRealm[0], "the context is put back");
    }

    @Test
    void aRecipientWhoseMailFailsDoesNotStopTheOthers() {
        NotificationException failed = assertThrows(NotificationException.class, () -> mailer.send(
                session(true, Set.of("ops@acme.com")), realm(SMTP),
                target(Optional.empty(), "ops@acme.com", "security@acme.com"), ORGANIZATION));

        assertEquals(Reason.NOT_SENT, failed.reason());
        assertEquals("Orgbridge notification target 'ops mails' of realm app: organization-created mail not sent to 1 "
                + "of 2 recipients: Error when attempting to send the email to the server.", failed.getMessage());
        assertInstanceOf(EmailException.class, failed.getCause());
        assertEquals(List.of("security@acme.com"), sent.stream().map(Sent::address).toList());
        assertFalse(failed.getMessage().contains("s3cret"), "no SMTP setting's value");
        assertNull(contextRealm[0], "the context is put back");
    }

    private static EmailNotificationTarget target(Optional<Locale> locale, String... recipients) {
        return new EmailNotificationTarget("c1", "ops mails", Stream.of(recipients).map(EmailAddress::parse).toList(),
                NotifyOn.DEFAULT, DigestSchedule.DEFAULT, locale);
    }

    private static RealmModel realm(Map<String, String> smtp) {
        return Stub.of(RealmModel.class, Map.of("getName", returns("app"), "getSmtpConfig", returns(smtp)));
    }

    /**
     * A session whose email theme ({@code keycloak}) finds Orgbridge's templates if {@code templatesFound}, and whose
     * template provider records each mail, failing for the addresses in {@code failing} as an SMTP server would.
     */
    private KeycloakSession session(boolean templatesFound, Set<String> failing) {
        KeycloakContext context = Stub.of(KeycloakContext.class, Map.of(
                "getRealm", arguments -> contextRealm[0],
                "setRealm", arguments -> contextRealm[0] = (RealmModel) arguments[0]));
        Theme email = Stub.of(Theme.class, Map.of(
                "getName", returns("keycloak"),
                "getTemplate", arguments -> templatesFound ? new URL("file:/" + arguments[0]) : null));
        ThemeManager themes = Stub.of(ThemeManager.class, Map.of("getTheme", returns(email)));
        RealmModel[] realm = new RealmModel[1];
        UserModel[] user = new UserModel[1];
        EmailTemplateProvider[] templates = new EmailTemplateProvider[1];
        templates[0] = Stub.of(EmailTemplateProvider.class, Map.of(
                "setRealm", arguments -> {
                    realm[0] = (RealmModel) arguments[0];
                    return templates[0];
                },
                "setUser", arguments -> {
                    user[0] = (UserModel) arguments[0];
                    return templates[0];
                },
                "send", arguments -> {
                    String address = (String) arguments[4];
                    if (failing.contains(address)) {
                        throw new EmailException("Error when attempting to send the email to the server.");
                    }
                    @SuppressWarnings("unchecked")
                    List<Object> subjectArguments = (List<Object>) arguments[1];
                    @SuppressWarnings("unchecked")
                    Map<String, Object> attributes = (Map<String, Object>) arguments[3];
                    sent.add(new Sent(realm[0], user[0], (String) arguments[0], subjectArguments,
                            (String) arguments[2], attributes, address, contextRealm[0]));
                    return null;
                }));
        return Stub.of(KeycloakSession.class, Map.of(
                "getContext", returns(context),
                "theme", returns(themes),
                "getProvider", returns(templates[0])));
    }
}
