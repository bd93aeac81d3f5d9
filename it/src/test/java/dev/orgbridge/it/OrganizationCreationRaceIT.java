package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orgbridge.it.harness.Browser;
import dev.orgbridge.it.harness.BrokeredLoginTest;
import dev.orgbridge.it.harness.BrokerState;
import dev.orgbridge.it.harness.CustomerIdp;
import dev.orgbridge.it.harness.CustomerUser;
import dev.orgbridge.it.harness.LoginOutcome;
import dev.orgbridge.it.harness.OrgbridgeServer;
import dev.orgbridge.it.harness.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/** Twenty colleagues from a new company log in at the same moment: one organization, twenty members, no errors. */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class OrganizationCreationRaceIT extends BrokeredLoginTest {

    private static final int COLLEAGUES = Integer.getInteger("orgbridge.race.colleagues", 20);
    private static final String DOMAIN = "newco.example";


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
        String email = username + "@" + DOMAIN;
        TestUsers.create(customerIdp.admin(), username, email, true, "password");
        return new CustomerUser(username, "password", email, true);
    }
}
