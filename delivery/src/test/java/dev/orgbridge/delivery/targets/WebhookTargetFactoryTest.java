package dev.orgbridge.delivery.targets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.core.provisioning.TargetPolicy;
import dev.orgbridge.core.provisioning.TargetUrl;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.representations.idm.ComponentRepresentation;

/** Settings of {@code orgbridge-webhook}, checked on save through the settings every target shares. */
class WebhookTargetFactoryTest {

    private static final String URL = "url=https://app.example.com/hooks";
    private static final String SECRET = "secret=whsec_b3JnYnJpZGdlLXRlc3QtdmVjdG9yLXNlY3JldC0zMmI=";
    private static final String PREFIX = "Orgbridge webhook target 'app' option ";

    private final WebhookTargetFactory factory = new WebhookTargetFactory();

    static Stream<Arguments> badSettings() {
        return Stream.of(
                arguments(List.of(SECRET), "url is required"),
                arguments(List.of("url=http://169.254.169.254/latest", SECRET, "allowHttp=true"), "url is refused: "),
                arguments(List.of("url=http://app.example.com/hooks", SECRET), "url is refused: "),
                arguments(List.of(URL, "secret=not-a-secret"), "secret is refused: "),
                arguments(List.of(URL, SECRET, "eventTypes=user.exploded"),
                        "eventTypes names user.exploded, which is not an event type"),
                arguments(List.of(URL, SECRET, "eventTypes=group.synced"),
                        "eventTypes names group.synced, which is not an event type"),
                arguments(List.of(URL, SECRET, "allowPrivateNetworks=perhaps"),
                        "allowPrivateNetworks is perhaps but must be true or false"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("badSettings")
    void refusesSettingsThatCannotWorkNamingTheOption(List<String> settings, String problem) {
        TargetComponents.assertRefused(factory, settings, PREFIX + problem);
    }

    @Test
    void aVaultReferenceOrTheMaskedSecretIsCheckedWhenSending() {
        for (String secret : List.of("secret=${vault.app-webhook}", "secret=" + ComponentRepresentation.SECRET_VALUE)) {
            assertDoesNotThrow(() -> factory.validateConfiguration(null, null,
                    TargetComponents.model(WebhookTargetFactory.PROVIDER_ID, List.of(URL, secret))));
        }
    }

    @Test
    void readsTheTarget() {
        WebhookTarget target = (WebhookTarget) factory.create(null, TargetComponents.model(
                WebhookTargetFactory.PROVIDER_ID, List.of("url=http://10.0.0.5/hooks", "allowHttp=true",
                        "allowPrivateNetworks=true", SECRET, "eventTypes=user.created", "organizations=acme")));

        assertEquals("c-1", target.componentId());
        assertEquals("webhook target c-1 (" + TargetUrl.parse("http://10.0.0.5/hooks", new TargetPolicy(true, true,
                false)) + ")", target.toString());
        assertTrue(target.wants(EventType.USER_CREATED));
        assertFalse(target.wants(EventType.USER_DELETED), "only the event types chosen");
    }

    @Test
    void aTargetTakingEveryTypeIsNeverSentTheReSyncsGroupCalls() {
        WebhookTarget target = (WebhookTarget) factory.create(null, TargetComponents.model(
                WebhookTargetFactory.PROVIDER_ID, List.of(URL, SECRET)));

        assertTrue(target.wants(EventType.GROUP_MEMBER_ADDED));
        assertFalse(target.wants(EventType.GROUP_SYNCED), "Orgbridge's own SCIM call, no webhook event");
    }
}
