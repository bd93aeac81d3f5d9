package dev.orgbridge.core.provisioning.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.provisioning.MassDeletionGuard;
import dev.orgbridge.core.provisioning.notify.FailureDigest.Example;
import dev.orgbridge.core.provisioning.notify.TargetPaused.MassDeletion;
import dev.orgbridge.core.provisioning.notify.TargetPaused.Quarantined;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each notification gives its mail: the subject's arguments and the template's values. */
class NotificationTest {

    private static final Instant START = Instant.parse("2026-01-01T09:00:00Z");
    private static final Instant END = Instant.parse("2026-01-01T10:00:59Z");

    static Stream<Arguments> mails() {
        return Stream.of(
                arguments(OrganizationCreated.atLogin("ACME Corp", "acme", List.of("acme.com", "acme.de"), "acme-oidc"),
                        List.of("ACME Corp"),
                        Map.of("organizationName", "ACME Corp", "organizationAlias", "acme",
                                "organizationDomains", List.of("acme.com", "acme.de"), "identityProvider", "acme-oidc")),
                arguments(OrganizationCreated.byAdmin("ACME Corp", "acme", List.of()),
                        List.of("ACME Corp"),
                        Map.of("organizationName", "ACME Corp", "organizationAlias", "acme",
                                "organizationDomains", List.of())),
                arguments(new UserProvisioned("jmuller", "jmuller@acme.com", "ACME Corp", "acme-saml"),
                        List.of("jmuller"),
                        Map.of("username", "jmuller", "email", "jmuller@acme.com", "organizationName", "ACME Corp",
                                "identityProvider", "acme-saml")),
                arguments(new UserProvisioned("jmuller", null, " ", "acme-saml"),
                        List.of("jmuller"),
                        Map.of("username", "jmuller", "identityProvider", "acme-saml")),
                arguments(new FailureDigest("app webhook", 1_000, 12, START, END,
                                List.of(new Example("jmuller", "user.created", "HTTP 503"))),
                        List.of("app webhook"),
                        Map.of("targetName", "app webhook", "failures", 1_000L, "deadLetters", 12L,
                                "periodStart", "2026-01-01 09:00 UTC", "periodEnd", "2026-01-01 10:00 UTC",
                                "examples", List.of(Map.of("user", "jmuller", "operation", "user.created",
                                        "error", "HTTP 503")))),
                arguments(new TargetPaused("app webhook", new Quarantined(25, Duration.ofMinutes(65)), START),
                        List.of("app webhook"),
                        Map.of("targetName", "app webhook", "since", "2026-01-01 09:00 UTC", "reason", "quarantined",
                                "failures", 25L, "failingFor", "1 h 5 min")),
                arguments(new TargetPaused("app webhook",
                                MassDeletion.of((MassDeletionGuard.Pause) MassDeletionGuard.DEFAULT.check(12, 100)), END),
                        List.of("app webhook"),
                        Map.of("targetName", "app webhook", "since", "2026-01-01 10:00 UTC", "reason", "mass-deletion",
                                "deletions", 12L, "threshold", 11L, "users", 100L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mails")
    void givesItsMailTheseValues(Notification notification, List<Object> subject, Map<String, Object> attributes) {
        assertEquals(subject, notification.subjectArguments());
        assertEquals(attributes, notification.attributes());
    }

    static Stream<Arguments> durations() {
        return Stream.of(
                arguments(Duration.ZERO, "0 min"),
                arguments(Duration.ofSeconds(59), "0 min"),
                arguments(Duration.ofMinutes(45), "45 min"),
                arguments(Duration.ofHours(1), "1 h"),
                arguments(Duration.ofMinutes(26 * 60 + 5), "26 h 5 min"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("durations")
    void showsHowLongATargetFailedInHoursAndMinutes(Duration failingFor, String shown) {
        assertEquals(shown, new Quarantined(20, failingFor).attributes().get("failingFor"));
    }

    static Stream<Arguments> untrustedText() {
        return Stream.of(
                arguments("  ACME  ", "ACME"),
                arguments("ACME\r\nBcc: victim@example.com", "ACME  Bcc: victim@example.com"),
                arguments("ACME\tCorp", "ACME Corp"),
                arguments("ACME\u0000\u001b[31m", "ACME\uFFFD\uFFFD[31m"),
                arguments("moc.emca\u202Eevil", "moc.emca\uFFFDevil"),
                arguments("Ünïcödé 株式会社 👍", "Ünïcödé 株式会社 👍"),
                arguments("x".repeat(200), "x".repeat(200)),
                arguments("x".repeat(201), "x".repeat(200) + "…"),
                arguments("👍".repeat(201), "👍".repeat(200) + "…"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("untrustedText")
    void untrustedTextIsOneLineAndCut(String name, String shown) {
        assertEquals(shown, OrganizationCreated.byAdmin(name, "acme", List.of()).name());
        assertEquals(shown, new FailureDigest("t", 1, 0, START, END, List.of(new Example("u", "user.updated", name)))
                .examples().get(0).error());
    }

    @Test
    void aDigestKeepsTheFirstTenExamples() {
        List<Example> examples = IntStream.range(0, 25)
                .mapToObj(i -> new Example("user" + i, "user.updated", "HTTP 500")).toList();

        FailureDigest digest = new FailureDigest("app webhook", 25, 0, START, END, examples);

        assertEquals(examples.subList(0, FailureDigest.MAX_EXAMPLES), digest.examples());
    }

    @Test
    void theMailAddsTheNotificationTargetsName() {
        Notification notification = new UserProvisioned("jmuller", null, null, "acme-oidc");

        NotificationMail mail = NotificationMail.of("ops mails", notification);

        assertEquals("orgbridgeUserProvisionedSubject", mail.subjectKey());
        assertEquals(List.of("jmuller"), mail.subjectArguments());
        assertEquals("orgbridge-user-provisioned.ftl", mail.template());
        assertEquals(Map.of("username", "jmuller", "identityProvider", "acme-oidc", "notificationTarget", "ops mails"),
                mail.attributes());
    }

    @Test
    void refusesNotificationsThatSayNothing() {
        assertThrows(IllegalArgumentException.class, () -> OrganizationCreated.byAdmin(" ", "acme", List.of()));
        assertThrows(NullPointerException.class, () -> OrganizationCreated.byAdmin("ACME", null, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> OrganizationCreated.atLogin("ACME", "acme", List.of(), ""));
        assertThrows(NullPointerException.class, () -> new UserProvisioned("jmuller", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new FailureDigest("t", 0, 0, START, END, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new FailureDigest("t", -1, 5, START, END, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new FailureDigest("t", 1, 0, END, START, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Quarantined(0, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new Quarantined(20, Duration.ofHours(-1)));
        assertThrows(IllegalArgumentException.class, () -> new MassDeletion(0, 10, 100));
        assertThrows(NullPointerException.class, () -> new TargetPaused("t", null, START));
    }
}
