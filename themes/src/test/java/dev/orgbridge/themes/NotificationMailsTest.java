package dev.orgbridge.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.provisioning.notify.FailureDigest;
import dev.orgbridge.core.provisioning.notify.FailureDigest.Example;
import dev.orgbridge.core.provisioning.notify.Notification;
import dev.orgbridge.core.provisioning.notify.NotificationKind;
import dev.orgbridge.core.provisioning.notify.NotificationMail;
import dev.orgbridge.core.provisioning.notify.OrganizationCreated;
import dev.orgbridge.core.provisioning.notify.TargetPaused;
import dev.orgbridge.core.provisioning.notify.TargetPaused.MassDeletion;
import dev.orgbridge.core.provisioning.notify.TargetPaused.Quarantined;
import dev.orgbridge.core.provisioning.notify.UserProvisioned;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.theme.KeycloakSanitizerMethod;
import org.keycloak.theme.beans.MessageFormatterMethod;

/**
 * Every notification mail renders, in every language Orgbridge ships, from Orgbridge's templates and messages (theme
 * resources, which Keycloak adds to every email theme), the way Keycloak 26.7 renders a mail
 * (FreeMarkerEmailTemplateProvider and DefaultFreeMarkerProvider): html output format for every .ftl, Keycloak's
 * msg() and kcSanitize, the base theme's template.ftl as the layout. Values from users and identity providers come
 * out escaped in the html part.
 */
class NotificationMailsTest {

    /** Shipped as theme resources: Keycloak adds them to every theme, below the theme's own templates and messages. */
    private static final String TEMPLATES = "/theme-resources/templates/";
    private static final String MESSAGES = "/theme-resources/messages/";
    /** The parent of every email theme, Keycloak's default {@code keycloak} included. */
    private static final String BASE = "/theme/base/email/";
    private static final List<String> LANGUAGES = List.of("en", "de", "fr", "es");
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    /** What FreeMarkerEmailTemplateProvider and DefaultFreeMarkerProvider put next to a mail's own values. */
    private static final Set<String> SET_BY_KEYCLOAK = Set.of("locale", "ltr", "msg", "properties", "realmName",
            "user", "url", "subject", "kcSanitize");
    /** A message key a template names; one left unresolved shows up in the mail as the key itself. */
    private static final Pattern KEY = Pattern.compile("orgbridge[A-Z][A-Za-z]+");
    /** MessageFormat reads a single ' as the start of quoted text: the rest of the message would vanish. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    private static final String HOSTILE = "<script>alert(1)</script><a href=\"https://evil.example/\">ACME</a>";

    static Stream<Notification> notifications() {
        return Stream.of(
                OrganizationCreated.atLogin("ACME Corp", "acme", List.of("acme.com", "acme.de"), "acme-oidc"),
                OrganizationCreated.byAdmin("Globex", "globex", List.of()),
                new UserProvisioned("jmuller", "jmuller@acme.com", "ACME Corp", "acme-saml"),
                new UserProvisioned("guest-7", null, null, "acme-oidc"),
                new FailureDigest("app webhook", 1_000, 12, NOW.minus(Duration.ofHours(1)), NOW,
                        List.of(new Example("jmuller", "user.created", "HTTP 503"),
                                new Example("akim", "organization.member.added", "connect timeout"))),
                new FailureDigest("app webhook", 0, 3, NOW.minus(Duration.ofHours(1)), NOW, List.of()),
                new TargetPaused("app webhook", new Quarantined(25, Duration.ofMinutes(65)), NOW),
                new TargetPaused("app webhook", new MassDeletion(12, 11, 100), NOW));
    }

    static Stream<Arguments> notificationsInEveryLanguage() {
        return notifications().flatMap(notification -> LANGUAGES.stream()
                .map(language -> arguments(notification.kind(), language, notification)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("notificationsInEveryLanguage")
    void rendersInEveryLanguage(NotificationKind kind, String language, Notification notification) throws Exception {
        NotificationMail mail = NotificationMail.of("ops mails", notification);
        Locale locale = Locale.forLanguageTag(language);

        String subject = subject(mail, locale);
        String text = render("text/" + mail.template(), mail, locale, "App");
        String html = render("html/" + mail.template(), mail, locale, "App");

        for (String part : List.of(subject, text, html)) {
            assertFalse(KEY.matcher(part).find(), "a message key is missing in " + language + ":\n" + part);
        }
        assertFalse(subject.contains("{"), subject);
        assertTrue(html.startsWith("<html lang=\"" + language + "\""), "Keycloak's layout: " + html);
        assertTrue(text.strip().endsWith(": ops mails"), "the footer names the notification target: " + text);
        assertTrue(html.contains("ops mails"), html);
        for (Object value : mail.attributes().values()) {
            if (value instanceof String shown && !value.equals("quarantined") && !value.equals("mass-deletion")) {
                assertTrue(text.contains(shown), shown + " in " + text);
                assertTrue(html.contains(shown), shown + " in " + html);
            }
        }
    }

    @Test
    void anOrganizationCreatedAtLoginReadsLikeThis() throws Exception {
        NotificationMail mail = NotificationMail.of("ops mails",
                OrganizationCreated.atLogin("ACME Corp", "acme", List.of("acme.com", "acme.de"), "acme-oidc"));

        assertEquals("New organization: ACME Corp", subject(mail, Locale.ENGLISH));
        assertEquals("""
                A new organization was created.

                Realm: App
                Organization: ACME Corp
                Alias: acme
                Domains: acme.com, acme.de
                Identity provider: acme-oidc

                You get this mail as a recipient of the Orgbridge notification target: ops mails
                """, render("text/" + mail.template(), mail, Locale.ENGLISH, "App"));
    }

    static Stream<Notification> hostileNotifications() {
        return Stream.of(
                OrganizationCreated.atLogin(HOSTILE, HOSTILE, List.of(HOSTILE), HOSTILE),
                OrganizationCreated.byAdmin(HOSTILE, HOSTILE, List.of()),
                new UserProvisioned(HOSTILE, HOSTILE, HOSTILE, HOSTILE),
                new FailureDigest(HOSTILE, 1, 1, NOW, NOW, List.of(new Example(HOSTILE, HOSTILE, HOSTILE))),
                new TargetPaused(HOSTILE, new Quarantined(20, Duration.ofHours(1)), NOW),
                new TargetPaused(HOSTILE, new MassDeletion(12, 11, 100), NOW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileNotifications")
    void namesFromUsersAndIdentityProvidersAreEscapedInHtml(Notification notification) throws Exception {
        NotificationMail mail = NotificationMail.of(HOSTILE, notification);

        String html = render("html/" + mail.template(), mail, Locale.ENGLISH, HOSTILE);

        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<a "), html);
        assertFalse(html.contains("evil.example/\">"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=&quot;https://evil.example/&quot;&gt;"),
                html);
        assertTrue(render("text/" + mail.template(), mail, Locale.ENGLISH, HOSTILE).contains(HOSTILE),
                "plain text shows the name as it is");
    }

    @Test
    void theMailsValuesLeaveKeycloaksAlone() {
        notifications().map(notification -> NotificationMail.of("ops mails", notification))
                .forEach(mail -> mail.attributes().keySet().forEach(name -> assertFalse(
                        SET_BY_KEYCLOAK.contains(name), name + " would be overwritten by Keycloak")));
    }

    @Test
    void everyKindHasAnHtmlAndATextTemplate() {
        for (NotificationKind kind : NotificationKind.values()) {
            for (String part : List.of("html/", "text/")) {
                assertNotNull(getClass().getResource(TEMPLATES + part + kind.template()), part + kind.template());
            }
        }
    }

    @Test
    void everyKeyTheTemplatesAndSubjectsNameIsInEnglish() throws IOException {
        Set<String> named = new TreeSet<>();
        for (NotificationKind kind : NotificationKind.values()) {
            named.add(kind.subjectKey());
            for (String part : List.of("html/", "text/")) {
                named.addAll(keys(TEMPLATES + part + kind.template()));
                named.addAll(keys(TEMPLATES + part + "orgbridge-notification.ftl"));
            }
        }
        Set<String> english = messages("en").stringPropertyNames();
        named.forEach(key -> assertTrue(english.contains(key), key + " missing in messages_en"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es"})
    void everyLanguageHasTheEnglishKeys(String language) throws IOException {
        assertEquals(messages("en").keySet(), messages(language).keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "fr", "es"})
    void apostrophesAreDoubledAsMessageFormatNeeds(String language) throws IOException {
        Properties messages = messages(language);
        for (String key : messages.stringPropertyNames()) {
            assertFalse(LONE_APOSTROPHE.matcher(messages.getProperty(key)).find(), key + " in " + language);
        }
    }

    @Test
    void everyEmailThemeOffersTheLanguagesTestedHere() throws IOException {
        Properties theme = new Properties();
        try (InputStream in = NotificationMailsTest.class.getResourceAsStream(BASE + "theme.properties")) {
            theme.load(in);
        }
        assertTrue(List.of(theme.getProperty("locales").split(",")).containsAll(LANGUAGES),
                theme.getProperty("locales"));
    }

    private static String subject(NotificationMail mail, Locale locale) throws IOException {
        return new MessageFormat(messages(locale.getLanguage()).getProperty(mail.subjectKey()), locale)
                .format(mail.subjectArguments().toArray());
    }

    /** As FreeMarkerEmailTemplateProvider.processTemplate: the mail's values, then Keycloak's, then the template. */
    private static String render(String template, NotificationMail mail, Locale locale, String realmName)
            throws IOException, TemplateException {
        Map<String, Object> attributes = new HashMap<>(mail.attributes());
        attributes.put("locale", locale);
        attributes.put("ltr", true);
        attributes.put("msg", new MessageFormatterMethod(locale, messages(locale.getLanguage())));
        attributes.put("properties", new Properties());
        attributes.put("realmName", realmName);
        attributes.put("kcSanitize", new KeycloakSanitizerMethod());
        StringWriter out = new StringWriter();
        configuration().getTemplate(template, "UTF-8").process(attributes, out);
        return out.toString();
    }

    /**
     * As DefaultFreeMarkerProvider: FreeMarker 2.3.32, html output for .ftl; templates of the theme (here Keycloak's
     * base, the parent of every email theme) first, then the theme resources of provider jars.
     */
    private static Configuration configuration() {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_32);
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {
                new ClassTemplateLoader(NotificationMailsTest.class, BASE),
                new ClassTemplateLoader(NotificationMailsTest.class, TEMPLATES)}));
        return configuration;
    }

    private static Properties messages(String language) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = NotificationMailsTest.class.getResourceAsStream(
                MESSAGES + "messages_" + language + ".properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }

    private static Set<String> keys(String template) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (InputStream in = NotificationMailsTest.class.getResourceAsStream(template)) {
            Matcher matcher = KEY.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (matcher.find()) {
                keys.add(matcher.group());
            }
        }
        return keys;
    }
}
