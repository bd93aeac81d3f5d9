package dev.orgbridge.delivery.targets;

import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.core.provisioning.InvalidWebhookSecretException;
import dev.orgbridge.core.provisioning.TargetUrl;
import dev.orgbridge.core.provisioning.WebhookSecret;
import dev.orgbridge.delivery.WebhookSender;
import dev.orgbridge.support.config.SettingsReader;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.idm.ComponentRepresentation;

/**
 * Provisioning target {@code orgbridge-webhook}: signed webhooks (Standard Webhooks) to one URL. Settings are checked
 * when the component is saved: a URL the SSRF policy refuses, a malformed secret or an unknown event type is a 400.
 */
public final class WebhookTargetFactory extends HttpTargetFactory<WebhookSender> {

    public static final String PROVIDER_ID = "orgbridge-webhook";

    static final String URL = "url";
    static final String SECRET = "secret";
    static final String EVENT_TYPES = "eventTypes";
    static final String ORGANIZATIONS = "organizations";

    private static final List<ProviderConfigProperty> PROPERTIES = DeliveryPolicy.withOwn(
            TargetSettings.policyOptions(ProviderConfigurationBuilder.create()
                .property().name(URL).label("URL")
                .helpText("Where the webhooks are POSTed, e.g. https://app.example.com/hooks/keycloak. Link-local "
                        + "and cloud-metadata addresses are always refused; private networks, this host and plain http "
                        + "only when allowed below.")
                .type(ProviderConfigProperty.STRING_TYPE).required(true).add()
                .property().name(SECRET).label("Signing secret")
                .helpText("The Standard Webhooks secret, whsec_ followed by base64 (24 to 64 bytes), or a vault "
                        + "reference such as ${vault.app-webhook}. Masked in every admin answer.")
                .type(ProviderConfigProperty.PASSWORD).secret(true).required(true).add()
                .property().name(EVENT_TYPES).label("Event types")
                .helpText("The event types to send, e.g. user.created; empty: all.")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
                .options(Arrays.stream(EventType.values()).filter(EventType::isWebhookEvent).map(EventType::wireName)
                        .toList()).add()
                .property().name(ORGANIZATIONS).label("Organizations")
                .helpText("Aliases of the organizations whose users' changes are sent; empty: all users.")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add())
            .build());

    public WebhookTargetFactory() {
        super(PROVIDER_ID, "Orgbridge: signed webhooks (Standard Webhooks) with user and organization changes.",
                PROPERTIES);
    }

    @Override
    WebhookSender openClient(Duration connect, Duration read, SSLContext ssl) {
        return new WebhookSender(connect, read, ssl, USER_AGENT);
    }

    @Override
    void check(RealmModel realm, ComponentModel model) {
        parse(model);
        SettingsReader settings = settings(model);
        settings.text(SECRET)
                .filter(secret -> !secret.startsWith(TargetSettings.VAULT_REFERENCE)
                        && !secret.equals(ComponentRepresentation.SECRET_VALUE))
                .ifPresent(secret -> {
                    try {
                        WebhookSecret.parse(secret);
                    } catch (InvalidWebhookSecretException e) {
                        throw settings.invalid(SECRET, "is refused: " + e.getMessage());
                    }
                });
    }

    @Override
    public ProvisioningTarget create(KeycloakSession session, ComponentModel model) {
        return parse(model);
    }

    private WebhookTarget parse(ComponentModel model) {
        SettingsReader settings = settings(model);
        TargetUrl url = TargetSettings.url(settings, URL, TargetSettings.policy(settings));
        Set<EventType> types = new LinkedHashSet<>();
        for (String name : settings.values(EVENT_TYPES)) {
            types.add(EventType.fromWireName(name).filter(EventType::isWebhookEvent)
                    .orElseThrow(() -> settings.invalid(EVENT_TYPES, "names " + name + ", which is not an event type")));
        }
        return new WebhookTarget(model.getId(), url, types, Set.copyOf(settings.values(ORGANIZATIONS)),
                DeliveryPolicy.parse(settings), client());
    }

    private static SettingsReader settings(ComponentModel model) {
        return TargetSettings.read("webhook target '" + model.getName() + "'", model);
    }
}
