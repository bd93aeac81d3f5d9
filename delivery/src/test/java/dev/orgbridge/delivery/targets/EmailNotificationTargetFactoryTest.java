package dev.orgbridge.delivery.targets;

import static dev.orgbridge.core.provisioning.notify.NotificationKind.PROVISIONING_FAILURES;
import static dev.orgbridge.core.provisioning.notify.NotificationKind.USER_CREATED_JUST_IN_TIME;
import static dev.orgbridge.delivery.Stub.returns;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.domain.EmailAddress;
import dev.orgbridge.core.provisioning.notify.DigestSchedule;
import dev.orgbridge.core.provisioning.notify.NotifyOn;
import dev.orgbridge.delivery.Stub;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.RealmModel;

/** An admin saves a notification target: good settings become a typed target, bad ones a 400 naming the option. */
class EmailNotificationTargetFactoryTest {

    private static final EmailNotificationTargetFactory FACTORY = new EmailNotificationTargetFactory();
    private static final RealmModel FOUR_LANGUAGES = realm(true, "en", "de", "fr", "es");
    private static final RealmModel ENGLISH_ONLY = realm(false);

    @Test
    void theSettingsAnAdminSavedBecomeATypedTarget() {
        ComponentModel model = component(Map.of(
                "recipients", List.of("ops@acme.com", "Security.Team@ACME.com", "ops@acme.com"),
                "notifyOn", List.of("user-created-just-in-time", "provisioning-failures"),
                "digestMinutes", List.of("15"),
                "locale", List.of("de")));

        assertDoesNotThrow(() -> FACTORY.validateConfiguration(null, FOUR_LANGUAGES, model));
        assertEquals(new EmailNotificationTarget("c1", "ops mails",
                        List.of(EmailAddress.parse("ops@acme.com"), EmailAddress.parse("Security.Team@acme.com")),
                        NotifyOn.of(Set.of(USER_CREATED_JUST_IN_TIME, PROVISIONING_FAILURES)),
                        DigestSchedule.ofMinutes(15), Optional.of(Locale.GERMAN)),
                FACTORY.create(null, model));
    }

    @Test
    void onlyRecipientsAreRequired() {
        ComponentModel model = component(Map.of("recipients", List.of("ops@acme.com")));

        assertDoesNotThrow(() -> FACTORY.validateConfiguration(null, ENGLISH_ONLY, model));
        assertEquals(new EmailNotificationTarget("c1", "ops mails", List.of(EmailAddress.parse("ops@acme.com")),
                NotifyOn.DEFAULT, DigestSchedule.DEFAULT, Optional.empty()), FACTORY.create(null, model));
    }

    static Stream<Arguments> badSettings() {
        List<String> ops = List.of("ops@acme.com");
        return Stream.of(
                arguments("no recipients", Map.of(), FOUR_LANGUAGES, "recipients", "is required"),
                arguments("a blank recipient", Map.of("recipients", List.of(" ")), FOUR_LANGUAGES, "recipients",
                        "is required"),
                arguments("a recipient without @", Map.of("recipients", List.of("ops.acme.com")), FOUR_LANGUAGES,
                        "recipients", "no '@' sign"),
                arguments("a recipient with two @", Map.of("recipients", List.of("ops@acme@com")), FOUR_LANGUAGES,
                        "recipients", "more than one '@' sign"),
                arguments("a recipient list of names", Map.of("recipients", List.of("Ops <ops@acme.com>")),
                        FOUR_LANGUAGES, "recipients", "not valid"),
                arguments("a recipient at a single-label domain", Map.of("recipients", List.of("root@localhost")),
                        FOUR_LANGUAGES, "recipients", "at least two labels"),
                arguments("21 recipients", Map.of("recipients", IntStream.rangeClosed(1, 21)
                        .mapToObj(i -> "ops" + i + "@acme.com").toList()), FOUR_LANGUAGES, "recipients",
                        "more than 20"),
                arguments("an unknown kind", Map.of("recipients", ops, "notifyOn", List.of("everything")),
                        FOUR_LANGUAGES, "notifyOn", "lists everything, which is not one of organization-created"),
                arguments("an interval in words", Map.of("recipients", ops, "digestMinutes", List.of("hourly")),
                        FOUR_LANGUAGES, "digestMinutes", "is hourly but must be a whole number from 5 to 1440"),
                arguments("an interval below 5 minutes", Map.of("recipients", ops, "digestMinutes", List.of("4")),
                        FOUR_LANGUAGES, "digestMinutes", "from 5 to 1440"),
                arguments("an interval over a day", Map.of("recipients", ops, "digestMinutes", List.of("1441")),
                        FOUR_LANGUAGES, "digestMinutes", "from 5 to 1440"),
                arguments("a negative interval", Map.of("recipients", ops, "digestMinutes", List.of("-60")),
                        FOUR_LANGUAGES, "digestMinutes", "from 5 to 1440"),
                arguments("a locale that is no language tag", Map.of("recipients", ops, "locale", List.of("de_DE!")),
                        FOUR_LANGUAGES, "locale", "not a language tag"),
                arguments("a locale the realm does not offer", Map.of("recipients", ops, "locale", List.of("it")),
                        FOUR_LANGUAGES, "locale", "is it, which realm app does not offer (it offers en, de, fr, es)"),
                arguments("a locale in a realm without internationalization",
                        Map.of("recipients", ops, "locale", List.of("de")), ENGLISH_ONLY, "locale",
                        "has internationalization off"));
    }

    @ParameterizedTest(name = "{0} → 400 naming {3}")
    @MethodSource("badSettings")
    void settingsThatCannotWorkAreRefused(String story, Map<String, List<String>> config, RealmModel realm,
            String option, String problem) {
        ComponentValidationException refused = assertThrows(ComponentValidationException.class,
                () -> FACTORY.validateConfiguration(null, realm, component(config)));

        String message = refused.getMessage();
        assertTrue(message.startsWith("Orgbridge notification target 'ops mails' option " + option + " "), message);
        assertTrue(message.contains(problem), message);
    }

    private static ComponentModel component(Map<String, List<String>> config) {
        ComponentModel model = new ComponentModel();
        model.setId("c1");
        model.setName("ops mails");
        model.setProviderId(EmailNotificationTargetFactory.PROVIDER_ID);
        MultivaluedHashMap<String, String> values = new MultivaluedHashMap<>();
        config.forEach(values::put);
        model.setConfig(values);
        return model;
    }

    private static RealmModel realm(boolean internationalization, String... locales) {
        return Stub.of(RealmModel.class, Map.of(
                "getName", returns("app"),
                "isInternationalizationEnabled", returns(internationalization),
                "getSupportedLocalesStream", arguments -> Stream.of(locales)));
    }
}
