package dev.orgbridge.delivery.targets;

import dev.orgbridge.core.provisioning.ProvisioningScope;
import dev.orgbridge.core.provisioning.TargetPolicy;
import dev.orgbridge.core.provisioning.TargetUrl;
import dev.orgbridge.core.provisioning.scim.DeprovisionMode;
import dev.orgbridge.core.provisioning.scim.InvalidScimMappingException;
import dev.orgbridge.core.provisioning.scim.ScimAttribute;
import dev.orgbridge.core.provisioning.scim.ScimUserMapping;
import dev.orgbridge.core.provisioning.scim.UserNameSource;
import dev.orgbridge.delivery.scim.ScimAuth;
import dev.orgbridge.delivery.scim.ScimClient;
import dev.orgbridge.delivery.scim.ScimEndpoint;
import dev.orgbridge.support.config.InvalidSettingsException;
import dev.orgbridge.support.config.SettingsReader;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Provisioning target {@code orgbridge-scim}: users (and, if asked, groups) pushed to a SCIM 2.0 server. Settings are
 * checked when the component is saved: a base URL or token URL the SSRF policy refuses, credentials missing for the
 * chosen authentication, an unknown SCIM path in the mapping or a scope that cannot be meant is a 400 naming the
 * option. Secrets are masked in admin answers and may be vault references, read when the target is created to send.
 */
public final class ScimTargetFactory extends HttpTargetFactory<ScimClient> {

    public static final String PROVIDER_ID = "orgbridge-scim";

    static final String BASE_URL = "baseUrl";
    static final String AUTH_TYPE = "authType";
    static final String TOKEN = "token";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String TOKEN_URL = "tokenUrl";
    static final String CLIENT_ID = "clientId";
    static final String CLIENT_SECRET = "clientSecret";
    static final String SCOPE = "scope";
    static final String ATTRIBUTE_MAPPING = "attributeMapping";
    static final String USER_NAME_FROM = "userNameFrom";
    static final String SCOPE_KIND = "scopeKind";
    static final String SCOPE_VALUES = "scopeValues";
    static final String DEPROVISIONING = "deprovisioning";
    static final String PUSH_GROUPS = "pushGroups";

    /** How Orgbridge authenticates to the SCIM server. */
    enum AuthType {
        BEARER,
        BASIC,
        OAUTH2_CLIENT_CREDENTIALS
    }

    /** An OAuth2 scope: words of visible ASCII but {@code "} and {@code \}, one space apart (RFC 6749 §3.3). */
    private static final Pattern OAUTH_SCOPE = Pattern.compile(
            "[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*");

    private static final List<ProviderConfigProperty> PROPERTIES = DeliveryPolicy.withOwn(TargetSettings.policyOptions(
            ProviderConfigurationBuilder.create()
                .property().name(BASE_URL).label("Base URL")
                .helpText("The SCIM server's base URL, where /Users and /Groups are, e.g. "
                        + "https://app.example.com/scim/v2. Link-local and cloud-metadata addresses are always "
                        + "refused; private networks, this host and plain http only when allowed below.")
                .type(ProviderConfigProperty.STRING_TYPE).required(true).add()
                .property().name(AUTH_TYPE).label("Authentication")
                .helpText("bearer: a token the SCIM server issued; basic: user name and password; "
                        + "oauth2-client-credentials: a token fetched from the token URL with client id and secret.")
                .type(ProviderConfigProperty.LIST_TYPE).options(SettingsReader.options(AuthType.values()))
                .defaultValue(SettingsReader.option(AuthType.BEARER)).add()
                .property().name(TOKEN).label("Bearer token")
                .helpText("For bearer: the token, or a vault reference such as ${vault.app-scim-token}. Masked.")
                .type(ProviderConfigProperty.PASSWORD).secret(true).add()
                .property().name(USERNAME).label("User name")
                .helpText("For basic: the user name.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(PASSWORD).label("Password")
                .helpText("For basic: the password, or a vault reference. Masked.")
                .type(ProviderConfigProperty.PASSWORD).secret(true).add()
                .property().name(TOKEN_URL).label("Token URL")
                .helpText("For oauth2-client-credentials: the token endpoint, checked like the base URL.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(CLIENT_ID).label("Client id")
                .helpText("For oauth2-client-credentials: the client id.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(CLIENT_SECRET).label("Client secret")
                .helpText("For oauth2-client-credentials: the client secret, or a vault reference. Masked.")
                .type(ProviderConfigProperty.PASSWORD).secret(true).add()
                .property().name(SCOPE).label("Scope")
                .helpText("For oauth2-client-credentials: the scope to ask for, if the token endpoint wants one.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(ATTRIBUTE_MAPPING).label("Attribute mapping")
                .helpText("scimPath=userAttribute pairs that change the defaults (" + defaults() + "); scimPath= "
                        + "turns one off. SCIM paths: " + Arrays.stream(ScimAttribute.values())
                        .map(ScimAttribute::attributeName).collect(Collectors.joining(", ")) + ".")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
                .property().name(USER_NAME_FROM).label("userName from")
                .helpText("The Keycloak field that becomes the SCIM userName: username, or email.")
                .type(ProviderConfigProperty.LIST_TYPE).options(SettingsReader.options(UserNameSource.values()))
                .defaultValue(SettingsReader.option(UserNameSource.USERNAME)).add()
                .property().name(SCOPE_KIND).label("Users sent")
                .helpText("all, or the members of the organizations, groups (with their subgroups) or the users of "
                        + "the identity providers listed below.")
                .type(ProviderConfigProperty.LIST_TYPE).options(SettingsReader.options(ProvisioningScope.Kind.values()))
                .defaultValue(SettingsReader.option(ProvisioningScope.Kind.ALL)).add()
                .property().name(SCOPE_VALUES).label("Of")
                .helpText("Organization aliases, group paths (/teams/sales) or identity-provider aliases.")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
                .property().name(DEPROVISIONING).label("On deletion")
                .helpText("deactivate: the downstream user stays, with active=false; delete: it is deleted.")
                .type(ProviderConfigProperty.LIST_TYPE).options(SettingsReader.options(DeprovisionMode.values()))
                .defaultValue(SettingsReader.option(DeprovisionMode.DEACTIVATE)).add()
                .property().name(PUSH_GROUPS).label("Push groups")
                .helpText("Also create the users' groups downstream and keep their members.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add())
            .build());

    public ScimTargetFactory() {
        super(PROVIDER_ID, "Orgbridge: users and groups pushed to a SCIM 2.0 server.", PROPERTIES);
    }

    @Override
    void check(RealmModel realm, ComponentModel model) {
        parse(model, UnaryOperator.identity());
    }

    @Override
    ScimClient openClient(Duration connect, Duration read, SSLContext ssl) {
        return new ScimClient(connect, read, ssl, USER_AGENT);
    }

    /** @throws InvalidSettingsException when a vault reference names no entry (or the settings were changed badly) */
    @Override
    public ProvisioningTarget create(KeycloakSession session, ComponentModel model) {
        return parse(model, TargetSettings.vault(session));
    }

    private ScimTarget parse(ComponentModel model, UnaryOperator<String> secrets) {
        SettingsReader settings = TargetSettings.read("SCIM target '" + model.getName() + "'", model);
        TargetPolicy policy = TargetSettings.policy(settings);
        TargetUrl baseUrl = TargetSettings.url(settings, BASE_URL, policy);
        if (baseUrl.uri().getRawQuery() != null) {
            throw settings.invalid(BASE_URL, "has a query, but a SCIM base URL ends with its path, e.g. "
                    + "https://app.example.com/scim/v2");
        }
        ScimAuth auth = auth(settings, policy, secrets);
        ScimUserMapping mapping;
        try {
            mapping = ScimUserMapping.parse(settings.choice(USER_NAME_FROM, UserNameSource.values(),
                    UserNameSource.USERNAME), settings.values(ATTRIBUTE_MAPPING));
        } catch (InvalidScimMappingException e) {
            throw settings.invalid(ATTRIBUTE_MAPPING, "is refused: " + e.getMessage());
        }
        ProvisioningScope scope;
        try {
            scope = new ProvisioningScope(settings.choice(SCOPE_KIND, ProvisioningScope.Kind.values(),
                    ProvisioningScope.Kind.ALL), Set.copyOf(settings.values(SCOPE_VALUES)));
        } catch (IllegalArgumentException e) {
            throw settings.invalid(SCOPE_VALUES, e.getMessage());
        }
        return new ScimTarget(model.getId(), new ScimEndpoint(baseUrl, auth), mapping, scope,
                settings.choice(DEPROVISIONING, DeprovisionMode.values(), DeprovisionMode.DEACTIVATE),
                settings.bool(PUSH_GROUPS, false), DeliveryPolicy.parse(settings), client());
    }

    /** The credentials the chosen authentication needs; the others' options are ignored (left from a switch). */
    private static ScimAuth auth(SettingsReader settings, TargetPolicy policy, UnaryOperator<String> secrets) {
        return switch (settings.choice(AUTH_TYPE, AuthType.values(), AuthType.BEARER)) {
            case BEARER -> new ScimAuth.Bearer(TargetSettings.secret(settings, TOKEN, secrets));
            case BASIC -> {
                String username = settings.required(USERNAME);
                if (username.indexOf(':') >= 0) {
                    throw settings.invalid(USERNAME, "contains ':', which HTTP basic cannot carry in a user name");
                }
                yield new ScimAuth.Basic(username, TargetSettings.secret(settings, PASSWORD, secrets));
            }
            case OAUTH2_CLIENT_CREDENTIALS -> {
                TargetUrl tokenUrl = TargetSettings.url(settings, TOKEN_URL, policy);
                String clientId = settings.required(CLIENT_ID);
                Optional<String> scope = settings.text(SCOPE);
                if (scope.isPresent() && !OAUTH_SCOPE.matcher(scope.get()).matches()) {
                    throw settings.invalid(SCOPE, "is not an OAuth2 scope: words of visible ASCII (no \" or \\) "
                            + "separated by single spaces");
                }
                yield new ScimAuth.ClientCredentials(tokenUrl, clientId,
                        TargetSettings.secret(settings, CLIENT_SECRET, secrets), scope);
            }
        };
    }

    private static String defaults() {
        return ScimUserMapping.DEFAULTS.entrySet().stream()
                .map(entry -> entry.getKey().attributeName() + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
