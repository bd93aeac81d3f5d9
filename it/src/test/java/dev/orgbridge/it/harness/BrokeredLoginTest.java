package dev.orgbridge.it.harness;

import org.junit.jupiter.api.AfterEach;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The stage of every brokered-login story: the customer's IdP realm, the broker realm with the app, and a fresh
 * browser per test. After each test the broker forgets the users, organizations and events the logins made.
 * Subclasses carry {@code @KeycloakIntegrationTest(config = OrgbridgeServer.class)}.
 */
public abstract class BrokeredLoginTest {

    @InjectRealm(ref = DemoRealms.CUSTOMER_IDP, fromJson = DemoRealms.CUSTOMER_IDP_JSON, config = CustomerIdpRealm.class)
    protected ManagedRealm customerIdp;

    @InjectRealm(ref = DemoRealms.BROKER, fromJson = DemoRealms.BROKER_JSON, config = BrokerRealm.class)
    protected ManagedRealm broker;

    protected final Browser browser = new Browser();

    @AfterEach
    void forgetLogins() {
        browser.close();
        BrokerState.forgetLogins(broker);
    }
}
