package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.it.harness.Browser;
import dev.orgbridge.it.harness.BrokeredLoginTest;
import dev.orgbridge.it.harness.BrokerState;
import dev.orgbridge.it.harness.CustomerIdp;
import dev.orgbridge.it.harness.CustomerUser;
import dev.orgbridge.it.harness.IdpMappers;
import dev.orgbridge.it.harness.LoginMessages;
import dev.orgbridge.it.harness.OrgbridgeServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/** An admin exports a configured realm and imports it again: onboarding and mappers behave the same. */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class OnboardingRealmExportIT extends BrokeredLoginTest {

    @InjectAdminClient
    Keycloak admin;


    @Test
    void exportedAndReimportedRealmOnboardsAndMapsTheSameWay() {
        BrokerState.changePolicy(broker, Map.of("personalEmail", List.of("deny"),
                "ignoredDomainsAdded", List.of("*.freemail.example")));
        IdpMappers.change(broker, CustomerIdp.SAML, "division to team", Map.of("ignoreCase", "true"));
        Map<String, String> roleMapper = IdpMappers.find(broker, CustomerIdp.SAML, "userType to role").getConfig();
        BrokerState.exportAndReimport(admin, broker);

        assertEquals(LoginMessages.english("orgbridgePersonalEmail"),
                browser.logInToApp(CustomerIdp.OIDC, CustomerUser.DAN).asPageShown().message());
        try (Browser secondUser = new Browser()) {
            secondUser.logInToApp(CustomerIdp.SAML, CustomerUser.CAROL).asOidcSignIn();
        }
        assertEquals(List.of("globex"), BrokerState.organizations(broker).stream()
                .map(OrganizationRepresentation::getAlias).toList());
        assertEquals("*.freemail.example", BrokerState.policy(broker).getConfig().get("ignoredDomainsAdded"));
        UserResource carol = broker.admin().users().get(
                broker.admin().users().searchByEmail(CustomerUser.CAROL.email(), true).get(0).getId());
        assertEquals(List.of("/teams/Support"), carol.groups().stream().map(GroupRepresentation::getPath).toList());
        assertTrue(carol.roles().realmLevel().listAll().stream().anyMatch(r -> r.getName().equals("app-manager")));
        assertEquals("true", IdpMappers.find(broker, CustomerIdp.SAML, "division to team").getConfig().get("ignoreCase"));
        assertEquals(roleMapper, IdpMappers.find(broker, CustomerIdp.SAML, "userType to role").getConfig());
        // the SSO identifier: the attribute with its validator, and the link step with its config
        UPAttribute sso = broker.admin().users().userProfile().getConfiguration().getAttribute("ssoIdentifier");
        assertTrue(sso.getValidations().containsKey("orgbridge-sso-identifier"), sso.getValidations().toString());
        assertEquals(Set.of("admin"), sso.getPermissions().getEdit());
        assertEquals("continue", BrokerState.stepConfig(broker, "orgbridge-sso-identifier-link").getConfig()
                .get("noMatch"));
    }
}
