package dev.orgbridge.delivery.targets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.core.provisioning.ProvisioningScope;
import dev.orgbridge.core.provisioning.TargetPolicy;
import dev.orgbridge.core.provisioning.TargetUrl;
import dev.orgbridge.core.provisioning.scim.DeprovisionMode;
import dev.orgbridge.core.provisioning.scim.ScimAttribute;
import dev.orgbridge.core.provisioning.scim.ScimUserMapping;
import dev.orgbridge.core.provisioning.scim.UserNameSource;
import dev.orgbridge.delivery.scim.ScimAuth;
import dev.orgbridge.delivery.scim.ScimEndpoint;
import dev.orgbridge.support.config.InvalidSettingsException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.vault.VaultCharSecret;
import org.keycloak.vault.VaultRawSecret;
import org.keycloak.vault.VaultStringSecret;
import org.keycloak.vault.VaultTranscriber;

/** Settings of {@code orgbridge-scim}: each bad one refused on save naming its option; good ones become the target. */
class ScimTargetFactoryTest {

    private static final String BASE = "baseUrl=https://app.example.com/scim/v2";
    private static final String PREFIX = "Orgbridge SCIM target 'app' option ";

    private static final String TOKEN_URL = "tokenUrl=https://idp.example.com/token";

    private final ScimTargetFactory factory = new ScimTargetFactory();

    /** Settings of a target authenticating with OAuth2 client credentials, and more. */
    private static List<String> oauth2(String... settings) {
        return Stream.concat(Stream.of(BASE, "authType=oauth2-client-credentials"), Stream.of(settings)).toList();
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                arguments(List.of("token=t"), "baseUrl is required"),
                arguments(List.of("baseUrl=http://169.254.169.254/scim", "token=t", "allowHttp=true"),
                        "baseUrl is refused: "),
                arguments(List.of("baseUrl=https://10.0.0.5/scim/v2", "token=t"), "baseUrl is refused: "),
                arguments(List.of("baseUrl=http://app.example.com/scim/v2", "token=t"), "baseUrl is refused: "),
                arguments(List.of("baseUrl=https://127.0.0.1:8443/scim/v2", "token=t"), "baseUrl is refused: "),
                arguments(List.of("baseUrl=https://app.example.com/scim/v2?tenant=7", "token=t"),
                        "baseUrl has a query, but a SCIM base URL ends with its path"),
                arguments(List.of(BASE, "authType=kerberos"),
                        "authType is kerberos but must be one of bearer, basic, oauth2-client-credentials"),
                arguments(List.of(BASE), "token is required"),
                arguments(List.of(BASE, "authType=bearer", "token=${vault.}"), "token is not a vault reference"),
                arguments(List.of(BASE, "authType=basic", "password=p"), "username is required"),
                arguments(List.of(BASE, "authType=basic", "username=a:b", "password=p"), "username contains ':'"),
                arguments(List.of(BASE, "authType=basic", "username=svc"), "password is required"),
                arguments(oauth2("tokenUrl=", "clientId=c", "clientSecret=s"), "tokenUrl is required"),
                arguments(oauth2("tokenUrl=http://idp.example.com/token", "clientId=c", "clientSecret=s"),
                        "tokenUrl is refused: "),
                arguments(oauth2("tokenUrl=https://169.254.169.254/t", "clientId=c", "clientSecret=s"),
                        "tokenUrl is refused: "),
                arguments(oauth2(TOKEN_URL, "clientSecret=s"), "clientId is required"),
                arguments(oauth2(TOKEN_URL, "clientId=c"), "clientSecret is required"),
                arguments(oauth2(TOKEN_URL, "clientId=c", "clientSecret=s", "scope=scim \"all\""),
                        "scope is not an OAuth2 scope"),
                arguments(oauth2(TOKEN_URL, "clientId=c", "clientSecret=s", "scope=a  b"),
                        "scope is not an OAuth2 scope"),
                arguments(List.of(BASE, "token=t", "attributeMapping=manager=boss"),
                        "attributeMapping is refused: 'manager=boss' names manager, which is not a SCIM path"),
                arguments(List.of(BASE, "token=t", "attributeMapping=title"),
                        "attributeMapping is refused: 'title' is not scimPath=userAttribute"),
                arguments(List.of(BASE, "token=t", "userNameFrom=phone"),
                        "userNameFrom is phone but must be one of username, email"),
                arguments(List.of(BASE, "token=t", "scopeKind=teams"),
                        "scopeKind is teams but must be one of all, organizations, groups, identity-providers"),
                arguments(List.of(BASE, "token=t", "scopeKind=organizations"),
                        "scopeValues lists nothing, but the scope is a choice of organizations"),
                arguments(List.of(BASE, "token=t", "scopeValues=acme"),
                        "scopeValues lists values, but the scope is all users"),
                arguments(List.of(BASE, "token=t", "scopeKind=groups", "scopeValues=teams"),
                        "scopeValues names the group teams, which is not a group path"),
                arguments(List.of(BASE, "token=t", "deprovisioning=archive"),
                        "deprovisioning is archive but must be one of deactivate, delete"),
                arguments(List.of(BASE, "token=t", "pushGroups=yes"), "pushGroups is yes but must be true or false"),
                arguments(List.of(BASE, "token=t", "allowLoopback=maybe"),
                        "allowLoopback is maybe but must be true or false"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("badSettings")
    void refusesSettingsThatCannotWorkNamingTheOption(List<String> settings, String problem) {
        TargetComponents.assertRefused(factory, settings, PREFIX + problem);
    }

    @Test
    void aBearerTargetNeedsOnlyTheUrlAndTheToken() {
        ScimTarget target = create(List.of(BASE, "token=t0k3n"), Map.of());

        assertEquals("c-1", target.componentId());
        assertEquals(new ScimEndpoint(TargetUrl.parse("https://app.example.com/scim/v2", TargetPolicy.STRICT),
                new ScimAuth.Bearer("t0k3n")), target.endpoint());
        assertEquals(ScimUserMapping.DEFAULT, target.mapping());
        assertEquals(ProvisioningScope.ALL, target.scope());
        assertEquals(DeprovisionMode.DEACTIVATE, target.deprovisioning());
        assertFalse(target.pushGroups());
        assertFalse(target.pushesGroups(), "a re-sync walks no groups for it");
        assertFalse(target.wants(EventType.GROUP_SYNCED));
        assertFalse(target.wants(EventType.GROUP_MEMBER_ADDED));
    }

    @Test
    void everyOptionIsRead() {
        ScimTarget target = create(List.of("baseUrl=http://127.0.0.1:8080/scim/v2/", "allowHttp=true",
                "allowLoopback=true", "authType=oauth2-client-credentials", "tokenUrl=http://127.0.0.1:8080/token",
                "clientId=orgbridge", "clientSecret=${vault.scim-secret}", "scope=scim.write scim.read",
                "attributeMapping=title=jobTitle", "attributeMapping=department=", "userNameFrom=email",
                "scopeKind=groups", "scopeValues=/teams", "scopeValues=/partners/acme", "deprovisioning=delete",
                "pushGroups=true"), Map.of("scim-secret", "from the vault"));

        TargetPolicy local = new TargetPolicy(true, false, true);
        assertEquals(new ScimEndpoint(TargetUrl.parse("http://127.0.0.1:8080/scim/v2/", local),
                new ScimAuth.ClientCredentials(TargetUrl.parse("http://127.0.0.1:8080/token", local), "orgbridge",
                        "from the vault", Optional.of("scim.write scim.read"))), target.endpoint());
        assertEquals(new ScimUserMapping(UserNameSource.EMAIL, Map.of(ScimAttribute.TITLE, "jobTitle",
                ScimAttribute.USER_TYPE, "userType", ScimAttribute.EMPLOYEE_NUMBER, "employeeNumber")),
                target.mapping());
        assertEquals(new ProvisioningScope(ProvisioningScope.Kind.GROUPS, Set.of("/teams", "/partners/acme")),
                target.scope());
        assertEquals(DeprovisionMode.DELETE, target.deprovisioning());
        assertTrue(target.pushGroups());
        assertTrue(target.pushesGroups(), "a re-sync walks the groups too");
        assertTrue(target.wants(EventType.GROUP_SYNCED));
        assertTrue(target.wants(EventType.GROUP_MEMBER_REMOVED));
        assertFalse(target.wants(EventType.ORGANIZATION_MEMBER_ADDED));
        assertFalse(target.toString().contains("from the vault"), target.toString());
    }

    @Test
    void basicCredentialsMayComeFromTheVault() {
        ScimTarget target = create(List.of(BASE, "authType=basic", "username=svc", "password=${vault.pw}",
                "token=left from bearer"), Map.of("pw", "p@ss"));

        assertEquals(new ScimAuth.Basic("svc", "p@ss"), target.endpoint().auth());
    }

    @Test
    void aVaultEntryThatIsNotThereIsRefusedWhenSending() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> create(List.of(BASE, "token=${vault.gone}"), Map.of()));

        assertEquals(PREFIX + "token names a vault entry that has no value", e.getMessage());
        assertEquals("token", e.option());
    }

    @Test
    void savingAgainWithTheMaskedSecretsIsAccepted() {
        assertDoesNotThrow(() -> factory.validateConfiguration(null, null, model(oauth2(TOKEN_URL, "clientId=c",
                "clientSecret=" + ComponentRepresentation.SECRET_VALUE))));
    }

    @Test
    void secretsAreMaskedAndEveryOptionIsOffered() {
        Map<String, ProviderConfigProperty> options = new HashMap<>();
        factory.getConfigProperties().forEach(option -> options.put(option.getName(), option));

        for (String secret : List.of("token", "password", "clientSecret")) {
            assertEquals(ProviderConfigProperty.PASSWORD, options.get(secret).getType(), secret);
            assertTrue(options.get(secret).isSecret(), secret);
        }
        assertEquals(Set.of("baseUrl", "authType", "token", "username", "password", "tokenUrl", "clientId",
                "clientSecret", "scope", "attributeMapping", "userNameFrom", "scopeKind", "scopeValues",
                "deprovisioning", "pushGroups", "allowHttp", "allowPrivateNetworks", "allowLoopback",
                "retryDelaysSeconds", "maxAttempts", "maxAgeHours", "quarantineAfterFailures",
                "quarantineAfterMinutes", "massDeletionPercent", "massDeletionMinimum"), options.keySet());
        assertEquals(List.of("bearer", "basic", "oauth2-client-credentials"), options.get("authType").getOptions());
    }

    @Test
    void everyKindOfTargetIsRegistered() {
        assertEquals(List.of("orgbridge-webhook", "orgbridge-scim", "orgbridge-email-notifications"),
                ServiceLoader.load(ProvisioningTargetFactory.class).stream()
                        .map(provider -> provider.get().getId()).toList());
    }

    private ScimTarget create(List<String> settings, Map<String, String> vault) {
        return (ScimTarget) factory.create(session(vault), model(settings));
    }

    private static ComponentModel model(List<String> settings) {
        return TargetComponents.model(ScimTargetFactory.PROVIDER_ID, settings);
    }

    /** A session whose vault holds these entries, resolved as Keycloak's own transcriber does. */
    private static KeycloakSession session(Map<String, String> entries) {
        VaultTranscriber vault = new VaultTranscriber() {
            @Override
            public VaultStringSecret getStringSecret(String value) {
                Optional<String> secret = value.startsWith("${vault.")
                        ? Optional.ofNullable(entries.get(value.substring(8, value.length() - 1)))
                        : Optional.of(value);
                return new VaultStringSecret() {
                    @Override
                    public Optional<String> get() {
                        return secret;
                    }

                    @Override
                    public void close() {
                        // nothing to wipe
                    }
                };
            }

            @Override
            public VaultRawSecret getRawSecret(String value) {
                throw new UnsupportedOperationException();
            }

            @Override
            public VaultCharSecret getCharSecret(String value) {
                throw new UnsupportedOperationException();
            }
        };
        return (KeycloakSession) Proxy.newProxyInstance(KeycloakSession.class.getClassLoader(),
                new Class<?>[] {KeycloakSession.class}, (proxy, method, args) -> {
                    if (method.getName().equals("vault")) {
                        return vault;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
