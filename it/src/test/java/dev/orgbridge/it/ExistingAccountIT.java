package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orgbridge.it.harness.BrokeredLoginTest;
import dev.orgbridge.it.harness.BrokerState;
import dev.orgbridge.it.harness.CustomerIdp;
import dev.orgbridge.it.harness.CustomerUser;
import dev.orgbridge.it.harness.LoginOutcome;
import dev.orgbridge.it.harness.OrgbridgeServer;
import dev.orgbridge.it.harness.TestUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/** A user who already has an account in the app links it on first SSO login and joins the company's organization. */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class ExistingAccountIT extends BrokeredLoginTest {


    @Test
    void existingAccountIsLinkedAndAddedToTheOrganization() {
        String existingId = existingAccount(CustomerUser.CAROL.email());

        LoginOutcome.PageShown confirm = browser.logInToApp(CustomerIdp.OIDC, CustomerUser.CAROL).asPageShown();
        LoginOutcome.PageShown reauthenticate = browser.press(confirm, "linkAccount").asPageShown();
        browser.submit(reauthenticate, Map.of("password", "app-password")).asOidcSignIn();

        assertEquals(1, broker.admin().users().list().size(), "linked, not duplicated");
        assertEquals(List.of("globex"), broker.admin().organizations().members().getOrganizations(existingId, true)
                .stream().map(OrganizationRepresentation::getAlias).toList());
        assertEquals(CustomerIdp.OIDC.alias(),
                broker.admin().users().get(existingId).getFederatedIdentity().get(0).getIdentityProvider());
    }

    @Test
    void existingAccountMayStillLogInInExistingUsersOnlyMode() {
        AuthenticatorConfigRepresentation exported = BrokerState.policy(broker);
        BrokerState.changePolicy(broker, Map.of("createUsers", List.of("false")));
        try {
            String existingId = existingAccount(CustomerUser.CAROL.email());

            LoginOutcome.PageShown confirm = browser.logInToApp(CustomerIdp.OIDC, CustomerUser.CAROL).asPageShown();
            LoginOutcome.PageShown reauthenticate = browser.press(confirm, "linkAccount").asPageShown();
            browser.submit(reauthenticate, Map.of("password", "app-password")).asOidcSignIn();

            assertEquals(List.of(existingId), broker.admin().users().list().stream().map(UserRepresentation::getId).toList());
        } finally {
            BrokerState.restorePolicy(broker, exported);
        }
    }

    private String existingAccount(String email) {
        return TestUsers.create(broker.admin(), "carol.chen", email, false, "app-password");
    }
}
