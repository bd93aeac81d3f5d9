package dev.orgbridge.core.provisioning.notify;

import static dev.orgbridge.core.provisioning.notify.NotificationKind.ORGANIZATION_CREATED;
import static dev.orgbridge.core.provisioning.notify.NotificationKind.PROVISIONING_FAILURES;
import static dev.orgbridge.core.provisioning.notify.NotificationKind.TARGET_PAUSED;
import static dev.orgbridge.core.provisioning.notify.NotificationKind.USER_CREATED_JUST_IN_TIME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.provisioning.notify.TargetPaused.MassDeletion;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NotifyOnTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Notification ORGANIZATION = OrganizationCreated.byAdmin("ACME", "acme", List.of());
    private static final Notification USER = new UserProvisioned("jmuller", null, null, "acme-oidc");
    private static final Notification FAILURES = new FailureDigest("app webhook", 3, 0, NOW, NOW, List.of());
    private static final Notification PAUSED = new TargetPaused("app webhook", new MassDeletion(12, 11, 100), NOW);

    static Stream<Arguments> choices() {
        return Stream.of(
                arguments("nothing listed (the default)", Set.of(), ORGANIZATION, true),
                arguments("nothing listed (the default)", Set.of(), USER, false),
                arguments("nothing listed (the default)", Set.of(), FAILURES, true),
                arguments("nothing listed (the default)", Set.of(), PAUSED, true),
                arguments("just-in-time users only", Set.of(USER_CREATED_JUST_IN_TIME), USER, true),
                arguments("just-in-time users only", Set.of(USER_CREATED_JUST_IN_TIME), ORGANIZATION, false),
                arguments("failures and pauses", Set.of(PROVISIONING_FAILURES, TARGET_PAUSED), FAILURES, true),
                arguments("failures and pauses", Set.of(PROVISIONING_FAILURES, TARGET_PAUSED), PAUSED, true),
                arguments("failures and pauses", Set.of(PROVISIONING_FAILURES, TARGET_PAUSED), ORGANIZATION, false),
                arguments("organizations only", Set.of(ORGANIZATION_CREATED), ORGANIZATION, true),
                arguments("organizations only", Set.of(ORGANIZATION_CREATED), FAILURES, false),
                arguments("all four", Set.of(NotificationKind.values()), USER, true));
    }

    @ParameterizedTest(name = "{0}: {2} → {3}")
    @MethodSource("choices")
    void aTargetTakesTheKindsItsAdminListed(String story, Set<NotificationKind> listed, Notification notification,
            boolean accepted) {
        assertEquals(accepted, NotifyOn.of(listed).accepts(notification));
    }
}
