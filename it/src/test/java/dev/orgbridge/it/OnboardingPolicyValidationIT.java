package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.it.harness.BrokerRealm;
import dev.orgbridge.it.harness.BrokerState;
import dev.orgbridge.it.harness.DemoRealms;
import dev.orgbridge.it.harness.OrgbridgeServer;
import jakarta.ws.rs.BadRequestException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/** An admin who saves an onboarding policy that cannot work is told which option is wrong, and nothing is saved. */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class OnboardingPolicyValidationIT {

    @InjectRealm(ref = DemoRealms.BROKER, fromJson = DemoRealms.BROKER_JSON, config = BrokerRealm.class)
    ManagedRealm broker;

    static Stream<Arguments> badPolicies() {
        return Stream.of(
                Arguments.of(Map.of("ignoredDomainsAdded", List.of("mail..example")), "ignoredDomainsAdded"),
                Arguments.of(Map.of("ignoredDomainsRemoved", List.of("*.")), "ignoredDomainsRemoved"),
                Arguments.of(Map.of("idpsAllowedToCreate", List.of("no-such-idp")), "idpsAllowedToCreate"),
                Arguments.of(Map.of("personalEmail", List.of("fallback-organization")), "fallbackOrganization"),
                Arguments.of(Map.of("personalEmail", List.of("fallback-organization"),
                        "fallbackOrganization", List.of("no-such-org")), "fallbackOrganization"),
                Arguments.of(Map.of("unknownDomain", List.of("maybe")), "unknownDomain"),
                Arguments.of(Map.of("createUsers", List.of("yes")), "createUsers"));
    }

    @ParameterizedTest
    @MethodSource("badPolicies")
    void savingAPolicyThatCannotWorkIsRefusedNamingTheOption(Map<String, List<String>> options, String namedOption) {
        ComponentRepresentation before = BrokerState.policy(broker);
        ComponentRepresentation changed = BrokerState.policy(broker);
        options.forEach((option, values) -> changed.getConfig().put(option, values));

        BadRequestException refused = org.junit.jupiter.api.Assertions.assertThrows(BadRequestException.class,
                () -> broker.admin().components().component(changed.getId()).update(changed));

        String body = refused.getResponse().readEntity(String.class);
        assertTrue(body.contains("option " + namedOption + " "), "the answer names " + namedOption + ": " + body);
        assertEquals(before.getConfig(), BrokerState.policy(broker).getConfig(), "nothing was saved");
    }
}
