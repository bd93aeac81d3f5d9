package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orgbridge.it.harness.BrokerState;
import dev.orgbridge.it.harness.BrokeredLoginTest;
import dev.orgbridge.it.harness.CustomerIdp;
import dev.orgbridge.it.harness.CustomerUser;
import dev.orgbridge.it.harness.IdpMappers;
import dev.orgbridge.it.harness.LoginMessages;
import dev.orgbridge.it.harness.LoginOutcome;
import dev.orgbridge.it.harness.OrgbridgeAdminApi;
import dev.orgbridge.it.harness.OrgbridgeServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.util.JsonSerialization;

/**
 * An admin saved an onboarding policy that cannot work (Keycloak 26.7 offers no save-time check for authenticator
 * configs): logins stop on a clear page, nothing is created, and the error event and the server log name the option.
 */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class OnboardingPolicyValidationIT extends BrokeredLoginTest {

    @InjectAdminClient
    Keycloak admin;

    private AuthenticatorConfigRepresentation exportedPolicy;

    static Stream<Arguments> badPolicies() {
        return Stream.of(
                Arguments.of(Map.of("ignoredDomainsAdded", List.of("mail..example")), "ignoredDomainsAdded"),
                Arguments.of(Map.of("ignoredDomainsRemoved", List.of("*.")), "ignoredDomainsRemoved"),
                Arguments.of(Map.of("idpsAllowedToCreate", List.of("acme-oidc", "no-such-idp")), "idpsAllowedToCreate"),
                Arguments.of(Map.of("personalEmail", List.of("fallback-organization")), "fallbackOrganization"),
                Arguments.of(Map.of("personalEmail", List.of("fallback-organization"),
                        "fallbackOrganization", List.of("no-such-org")), "fallbackOrganization"),
                Arguments.of(Map.of("unknownDomain", List.of("maybe")), "unknownDomain"),
                Arguments.of(Map.of("createUsers", List.of("yes")), "createUsers"),
                Arguments.of(Map.of("organizationAttributes", List.of("region")), "organizationAttributes"),
                Arguments.of(Map.of("organizationAttributes", List.of("idp=orgbridge.trusted-idps")),
                        "organizationAttributes"));
    }

    @BeforeEach
    void rememberPolicy() {
        exportedPolicy = BrokerState.policy(broker);
    }

    @AfterEach
    void restorePolicy() {
        BrokerState.restorePolicy(broker, exportedPolicy);
    }

    @ParameterizedTest
    @MethodSource("badPolicies")
    void aPolicyThatCannotWorkStopsLoginsNamingTheOption(Map<String, List<String>> options, String namedOption) {
        BrokerState.changePolicy(broker, options);

        LoginOutcome.PageShown page = browser.logInToApp(CustomerIdp.OIDC, CustomerUser.CAROL).asPageShown();

        assertEquals(LoginMessages.english("orgbridgeMisconfigured"), page.message());
        assertEquals(List.of(), broker.admin().users().list(), "nothing is created");
        EventRepresentation error = broker.admin().getEvents(null, null, null, null, null, null, 0, 20).stream()
                .filter(e -> "orgbridge_misconfigured".equals(e.getError()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no orgbridge_misconfigured event"));
        assertEquals(namedOption, error.getDetails().get("orgbridge_option"));
        List<Map<String, Object>> problems = configurationCheck();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("authenticator-config", problems.get(0).get("kind"));
        assertEquals(namedOption, problems.get(0).get("option"));
        assertEquals("orgbridge first broker login, orgbridge post broker login", problems.get(0).get("where"));
    }

    @Test
    void theDemoRealmPassesTheConfigurationCheck() {
        assertEquals(List.of(), configurationCheck());
    }

    @Test
    void theConfigurationCheckNamesMappersThatCannotWork() {
        var team = IdpMappers.change(broker, CustomerIdp.SAML, "division to team", Map.of("parentGroup", "/gone"));
        var role = IdpMappers.change(broker, CustomerIdp.OIDC, "userType to role", Map.of("defaultRole", "no-such-role"));
        try {
            List<String> problems = configurationCheck().stream()
                    .map(p -> p.get("kind") + " " + p.get("where") + " " + p.get("name") + " " + p.get("option"))
                    .toList();

            assertEquals(List.of("identity-provider-mapper acme-saml division to team parentGroup",
                    "identity-provider-mapper acme-oidc userType to role defaultRole").stream().sorted().toList(),
                    problems.stream().sorted().toList());
        } finally {
            IdpMappers.restore(broker, CustomerIdp.SAML, team);
            IdpMappers.restore(broker, CustomerIdp.OIDC, role);
        }
    }

    private List<Map<String, Object>> configurationCheck() {
        HttpResponse<String> response = OrgbridgeAdminApi.get(broker.getName(), "configuration-check",
                admin.tokenManager().getAccessTokenString());
        assertEquals(200, response.statusCode(), response.body());
        try {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> problems = JsonSerialization.readValue(response.body(), List.class);
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
