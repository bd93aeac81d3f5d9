package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.it.harness.Browser;
import dev.orgbridge.it.harness.BrokeredLoginTest;
import dev.orgbridge.it.harness.CustomerIdp;
import dev.orgbridge.it.harness.CustomerUser;
import dev.orgbridge.it.harness.OrgbridgeServer;
import dev.orgbridge.it.harness.SamlAssertion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/** The harness itself: a customer's employee reaches the SaaS app through each kind of customer IdP. */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class BrokeredLoginIT extends BrokeredLoginTest {


    @Test
    void employeeLogsInThroughOidcIdpAndIsCreatedInBrokerRealm() {
        IDToken idToken = browser.logInToApp(CustomerIdp.OIDC, CustomerUser.ALICE).asOidcSignIn().idToken();

        assertEquals("alice@acme.com", idToken.getEmail());
        assertBrokeredUser(CustomerUser.ALICE, CustomerIdp.OIDC);
    }

    @Test
    void employeeLogsInThroughSamlIdpAndIsCreatedInBrokerRealm() {
        IDToken idToken = browser.logInToApp(CustomerIdp.SAML, CustomerUser.CAROL).asOidcSignIn().idToken();

        assertEquals("carol@globex.com", idToken.getEmail());
        assertBrokeredUser(CustomerUser.CAROL, CustomerIdp.SAML);
    }

    @Test
    void employeeStartsAtCustomerPortalAndLandsInSamlApp() {
        SamlAssertion assertion = browser.logInFromCustomerPortal(CustomerUser.ALICE).asSamlSignIn().assertion();

        assertEquals("alice", assertion.nameId());
        assertEquals(broker.getBaseUrl(), assertion.issuer());
        assertBrokeredUser(CustomerUser.ALICE, CustomerIdp.SAML);
    }

    @Test
    void returningEmployeeReachesTheSameAccount() {
        browser.logInToApp(CustomerIdp.OIDC, CustomerUser.CAROL).asOidcSignIn();
        try (Browser laterSession = new Browser()) {
            laterSession.logInToApp(CustomerIdp.OIDC, CustomerUser.CAROL).asOidcSignIn();
        }

        assertEquals(1, broker.admin().users().searchByEmail(CustomerUser.CAROL.email(), true).size());
        assertEquals(1, registrations(CustomerIdp.OIDC).size(), "one REGISTER, then plain logins");
    }

    private void assertBrokeredUser(CustomerUser customerUser, CustomerIdp idp) {
        List<UserRepresentation> users = broker.admin().users().searchByEmail(customerUser.email(), true);
        assertEquals(1, users.size(), "exactly one broker-realm user for " + customerUser.email());
        List<FederatedIdentityRepresentation> links =
                broker.admin().users().get(users.get(0).getId()).getFederatedIdentity();
        assertTrue(links.stream().anyMatch(l -> l.getIdentityProvider().equals(idp.alias())
                        && l.getUserName().equals(customerUser.username())),
                "linked to " + idp.alias() + " as " + customerUser.username() + ": " + links);
        assertTrue(registrations(idp).stream().anyMatch(e -> users.get(0).getId().equals(e.getUserId())),
                "a REGISTER event through " + idp.alias());
    }

    private List<EventRepresentation> registrations(CustomerIdp idp) {
        return broker.admin().getEvents(List.of("REGISTER"), null, null, null, null, null, 0, 100).stream()
                .filter(e -> idp.alias().equals(e.getDetails().get("identity_provider")))
                .toList();
    }
}
