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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/** Twenty colleagues from a new company log in at the same moment: one organization, twenty members, no errors. */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class OrganizationCreationRaceIT {

    private static final int COLLEAGUES = Integer.getInteger("orgbridge.race.colleagues", 20);
    private static final String DOMAIN = "newco.example";

    @InjectRealm(ref = DemoRealms.CUSTOMER_IDP, fromJson = DemoRealms.CUSTOMER_IDP_JSON, config = CustomerIdpRealm.class)
    ManagedRealm customerIdp;

    @InjectRealm(ref = DemoRealms.BROKER, fromJson = DemoRealms.BROKER_JSON, config = BrokerRealm.class)
    ManagedRealm broker;

    @Test
    void simultaneousFirstLoginsFromANewDomainCreateOneOrganization() throws Exception {
        List<CustomerUser> colleagues = IntStream.rangeClosed(1, COLLEAGUES).mapToObj(this::colleague).toList();
        // Each colleague is signed in at the company IdP already, so the logins meet at the broker at once.
        // (Concurrent password forms at the IdP realm lose IdP sessions in this test setup; not what is tested.)
        List<Browser> browsers = new ArrayList<>();
        for (CustomerUser colleague : colleagues) {
            Browser browser = new Browser();
            browser.signInAtCustomerIdp(colleague);
            browsers.add(browser);
        }
        ExecutorService pool = Executors.newFixedThreadPool(COLLEAGUES);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LoginOutcome>> logins = new ArrayList<>();
        for (int i = 0; i < COLLEAGUES; i++) {
            Browser browser = browsers.get(i);
            CustomerUser colleague = colleagues.get(i);
            logins.add(pool.submit(() -> {
                try (browser) {
                    start.await();
                    return browser.logInToApp(CustomerIdp.OIDC, colleague);
                }
            }));
        }
        start.countDown();
        for (Future<LoginOutcome> login : logins) {
            login.get(3, TimeUnit.MINUTES).asOidcSignIn();
        }
        pool.shutdown();

        List<OrganizationRepresentation> created = BrokerState.organizations(broker).stream()
                .filter(o -> o.getDomains().stream().anyMatch(d -> d.getName().equals(DOMAIN)))
                .toList();
        assertEquals(1, created.size(), "organizations for " + DOMAIN);
        assertEquals(COLLEAGUES, broker.admin().organizations().get(created.get(0).getId()).members()
                .list(0, 100).size());
    }

    private CustomerUser colleague(int n) {
        String username = String.format("colleague%02d", n);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@" + DOMAIN);
        user.setEmailVerified(true);
        user.setFirstName("Colleague");
        user.setLastName(Integer.toString(n));
        user.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("password");
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        customerIdp.admin().users().create(user).close();
        return new CustomerUser(username, "password", user.getEmail(), true);
    }
}
