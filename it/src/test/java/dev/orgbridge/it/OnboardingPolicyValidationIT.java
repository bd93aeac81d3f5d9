package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orgbridge.it.harness.BrokerState;
import dev.orgbridge.it.harness.BrokeredLoginTest;
import dev.orgbridge.it.harness.CustomerIdp;
import dev.orgbridge.it.harness.CustomerUser;
import dev.orgbridge.it.harness.LoginMessages;
import dev.orgbridge.it.harness.LoginOutcome;
import dev.orgbridge.it.harness.OrgbridgeServer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * An admin saved an onboarding policy that cannot work (Keycloak 26.7 offers no save-time check for authenticator
 * configs): logins stop on a clear page, nothing is created, and the error event and the server log name the option.
 */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class OnboardingPolicyValidationIT extends BrokeredLoginTest {

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
    }
}
