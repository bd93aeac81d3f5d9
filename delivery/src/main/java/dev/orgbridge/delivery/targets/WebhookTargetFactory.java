package dev.orgbridge.delivery.targets;

import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.core.provisioning.InvalidTargetUrlException;
import dev.orgbridge.core.provisioning.InvalidWebhookSecretException;
import dev.orgbridge.core.provisioning.TargetPolicy;
import dev.orgbridge.core.provisioning.TargetUrl;
import dev.orgbridge.core.provisioning.WebhookSecret;
import dev.orgbridge.support.config.SettingsReader;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.idm.ComponentRepresentation;

/**
 * Provisioning target {@code orgbridge-webhook}: signed webhooks (Standard Webhooks) to one URL. Settings are checked
 * when the component is saved: a URL the SSRF policy refuses, a malformed secret or an unknown event type is a 400.
 */
public final class WebhookTargetFactory extends TargetFactory {

    public static final String PROVIDER_ID = "orgbridge-webhook";

    static final String URL = "url";
    static final String SECRET = "secret";
    static final String EVENT_TYPES = "eventTypes";
    static final String ORGANIZATIONS = "organizations";
    static final String ALLOW_HTTP = "allowHttp";
    static final String ALLOW_PRIVATE = "allowPrivateNetworks";
    static final String ALLOW_LOOPBACK = "allowLoopback";

    /** The start of a Keycloak vault reference, e.g. {@code ${vault.acme-webhook}}, resolved when sending. */
    private static final String VAULT_REFERENCE = "${vault.";

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(URL).label("URL")
            .helpText("Where the webhooks are POSTed, e.g. https://app.example.com/hooks/keycloak. Link-local and "
                    + "cloud-metadata addresses are always refused; private networks, this host and plain http only "
                    + "when allowed below.")
            .type(ProviderConfigProperty.STRING_TYPE).required(true).add()
            .property().name(SECRET).label("Signing secret")
            .helpText("The Standard Webhooks secret, whsec_ followed by base64 (24 to 64 bytes), or a vault reference "
                    + "such as ${vault.app-webhook}. Masked in every admin answer.")
            .type(ProviderConfigProperty.PASSWORD).secret(true).required(true).add()
            .property().name(EVENT_TYPES).label("Event types")
            .helpText("The event types to send, e.g. user.created; empty: all.")
            .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
            .options(Arrays.stream(EventType.values()).map(EventType::wireName).toList()).add()
            .property().name(ORGANIZATIONS).label("Organizations")
            .helpText("Aliases of the organizations whose users' changes are sent; empty: all users.")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
            .property().name(ALLOW_HTTP).label("Allow plain http")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
            .property().name(ALLOW_PRIVATE).label("Allow private networks")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
            .property().name(ALLOW_LOOPBACK).label("Allow this host")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
            .build();

    public WebhookTargetFactory() {
        super(PROVIDER_ID, "Orgbridge: signed webhooks (Standard Webhooks) with user and organization changes.",
                PROPERTIES);
    }

    @Override
    void check(RealmModel realm, ComponentModel model) {
        parse(model);
        String secret = model.getConfig().getFirst(SECRET);
        if (secret != null && !secret.startsWith(VAULT_REFERENCE) && !secret.equals(ComponentRepresentation.SECRET_VALUE)) {
            try {
                WebhookSecret.parse(secret);
            } catch (InvalidWebhookSecretException e) {
                throw new ComponentValidationException("Orgbridge webhook target option secret: " + e.getMessage());
            }
        }
    }

    @Override
    WebhookTarget parse(ComponentModel model) {
        SettingsReader settings = TargetSettings.of("webhook target", model);
        TargetPolicy policy = new TargetPolicy(settings.bool(ALLOW_HTTP, false), settings.bool(ALLOW_PRIVATE, false),
                settings.bool(ALLOW_LOOPBACK, false));
        TargetUrl url;
        try {
            url = TargetUrl.parse(settings.required(URL), policy);
        } catch (InvalidTargetUrlException e) {
            throw settings.invalid(URL, "is refused: " + e.getMessage());
        }
        Set<EventType> types = new LinkedHashSet<>();
        for (String name : settings.values(EVENT_TYPES)) {
            types.add(EventType.fromWireName(name).orElseThrow(() -> settings.invalid(EVENT_TYPES,
                    "names " + name + ", which is not an event type")));
        }
        return new WebhookTarget(model.getId(), url, Set.copyOf(types), Set.copyOf(settings.values(ORGANIZATIONS)));
    }
}
