package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orgbridge.it.harness.Browser;
import dev.orgbridge.it.harness.BrokerRealm;
import dev.orgbridge.it.harness.BrokerState;
import dev.orgbridge.it.harness.CustomerIdp;
import dev.orgbridge.it.harness.CustomerIdpRealm;
import dev.orgbridge.it.harness.CustomerUser;
import dev.orgbridge.it.harness.DemoRealms;
import dev.orgbridge.it.harness.LoginOutcome;
import dev.orgbridge.it.harness.OrgbridgeServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/** A user who already has an account in the app links it on first SSO login and joins the company's organization. */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class ExistingAccountIT {

    @InjectRealm(ref = DemoRealms.CUSTOMER_IDP, fromJson = DemoRealms.CUSTOMER_IDP_JSON, config = CustomerIdpRealm.class)
    ManagedRealm customerIdp;

    @InjectRealm(ref = DemoRealms.BROKER, fromJson = DemoRealms.BROKER_JSON, config = BrokerRealm.class)
    ManagedRealm broker;

    private final Browser browser = new Browser();

    @AfterEach
    void forgetLogins() {
        browser.close();
        BrokerState.forgetLogins(broker);
    }

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
        ComponentRepresentation exported = BrokerState.policy(broker);
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
        UserRepresentation user = new UserRepresentation();
        user.setUsername("carol.chen");
        user.setEmail(email);
        user.setFirstName("Carol");
        user.setLastName("Chen");
        user.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("app-password");
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        broker.admin().users().create(user).close();
        return broker.admin().users().searchByEmail(email, true).get(0).getId();
    }
}
