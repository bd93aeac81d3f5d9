package dev.orgbridge.delivery.targets;

import dev.orgbridge.core.provisioning.InvalidTargetUrlException;
import dev.orgbridge.core.provisioning.TargetPolicy;
import dev.orgbridge.core.provisioning.TargetUrl;
import dev.orgbridge.support.config.SettingsReader;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.vault.VaultStringSecret;

/**
 * What the settings of every kind of provisioning target share: reading the component's config, the SSRF policy and
 * its three options, URLs checked with it, and secrets that may be vault references.
 */
final class TargetSettings {

    static final String ALLOW_HTTP = "allowHttp";
    static final String ALLOW_PRIVATE = "allowPrivateNetworks";
    static final String ALLOW_LOOPBACK = "allowLoopback";

    /** The start of a Keycloak vault reference, e.g. {@code ${vault.acme-webhook}}, resolved when sending. */
    static final String VAULT_REFERENCE = "${vault.";
    /** A whole vault reference, as Keycloak's vault reads it. */
    private static final Pattern VAULT_EXPRESSION = Pattern.compile("\\$\\{vault\\.[^}]+}");

    private TargetSettings() {
    }

    /** The component's settings; a multivalued option is joined with {@code ##}, as {@link SettingsReader} reads it. */
    static SettingsReader read(String subject, ComponentModel model) {
        Map<String, String> config = model.getConfig().entrySet().stream()
                .filter(entry -> !entry.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> String.join("##", entry.getValue())));
        return SettingsReader.of(subject, config);
    }

    static TargetPolicy policy(SettingsReader settings) {
        return new TargetPolicy(settings.bool(ALLOW_HTTP, false), settings.bool(ALLOW_PRIVATE, false),
                settings.bool(ALLOW_LOOPBACK, false));
    }

    /** A required URL option, checked with the policy. */
    static TargetUrl url(SettingsReader settings, String option, TargetPolicy policy) {
        try {
            return TargetUrl.parse(settings.required(option), policy);
        } catch (InvalidTargetUrlException e) {
            throw settings.invalid(option, "is refused: " + e.getMessage());
        }
    }

    /** The three options of the policy, the same for every kind of target. */
    static ProviderConfigurationBuilder policyOptions(ProviderConfigurationBuilder options) {
        return options
                .property().name(ALLOW_HTTP).label("Allow plain http")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
                .property().name(ALLOW_PRIVATE).label("Allow private networks")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
                .property().name(ALLOW_LOOPBACK).label("Allow this host")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add();
    }

    /**
     * A required secret option: its value, or the vault entry it names, through {@code resolve} (as stored when the
     * settings are only checked, {@link #vault} when sending).
     */
    static String secret(SettingsReader settings, String option, UnaryOperator<String> resolve) {
        String stored = settings.required(option);
        if (stored.startsWith(VAULT_REFERENCE) && !VAULT_EXPRESSION.matcher(stored).matches()) {
            throw settings.invalid(option, "is not a vault reference such as ${vault.scim-token}");
        }
        String secret = resolve.apply(stored);
        if (secret == null || secret.isBlank()) {
            throw settings.invalid(option, "names a vault entry that has no value");
        }
        return secret;
    }

    /** Resolves through the realm's vault: a vault reference becomes its entry (null if none), anything else stays. */
    static UnaryOperator<String> vault(KeycloakSession session) {
        return stored -> {
            try (VaultStringSecret secret = session.vault().getStringSecret(stored)) {
                return secret.get().orElse(null);
            }
        };
    }
}
