package dev.orgbridge.it.bench;

import dev.orgbridge.it.harness.Browser;
import dev.orgbridge.it.harness.BrokerRealm;
import dev.orgbridge.it.harness.CustomerIdp;
import dev.orgbridge.it.harness.CustomerIdpRealm;
import dev.orgbridge.it.harness.CustomerUser;
import dev.orgbridge.it.harness.DemoRealms;
import dev.orgbridge.it.harness.OrgbridgeServer;
import dev.orgbridge.it.harness.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Load harness, not a test: first-broker-login latency (the broker's side, the IdP already signed in) for a user of
 * a registered company, with 10 organizations in the realm and then with 10,000. Writes
 * {@code it/target/onboarding-latency.md}. Run it alone:
 * {@code mvn -B verify -pl it -am -Dtest=OnboardingLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class OnboardingLatencyBenchmark {

    // not BrokeredLoginTest: its per-test cleanup would delete the 10,000 organizations one by one
    @InjectRealm(ref = DemoRealms.CUSTOMER_IDP, fromJson = DemoRealms.CUSTOMER_IDP_JSON, config = CustomerIdpRealm.class)
    ManagedRealm customerIdp;

    @InjectRealm(ref = DemoRealms.BROKER, fromJson = DemoRealms.BROKER_JSON, config = BrokerRealm.class)
    ManagedRealm broker;

    private static final int LOGINS = Integer.getInteger("orgbridge.bench.logins", 30);
    private static final int WARMUP = Integer.getInteger("orgbridge.bench.warmup", 30);
    private static final int MANY = Integer.getInteger("orgbridge.bench.organizations", 10_000);

    @Test
    void firstLoginLatencyDoesNotGrowWithTheNumberOfOrganizations() throws Exception {
        fillOrganizationsUpTo(10);
        measure("warm-up", WARMUP);
        List<Long> few = measure("few", LOGINS);

        long start = System.nanoTime();
        fillOrganizationsUpTo(MANY);
        long fillSeconds = (System.nanoTime() - start) / 1_000_000_000L;
        List<Long> many = measure("many", LOGINS);

        String report = """
                # First-broker-login latency against the number of organizations

                Each login: a new user of the registered company `globex.com` (already signed in at the IdP) goes \
                through the broker's first broker login: Orgbridge decides and joins, Keycloak creates the user, \
                the app receives the code. %d measured logins per run (after %d warm-up logins), one at a time, \
                on this machine's real Keycloak 26.7.3 (dev-mem H2) with the bundle jar.

                | Organizations in the realm | median ms | p90 ms | max ms |
                |---|---|---|---|
                | %d | %d | %d | %d |
                | %d | %d | %d | %d |

                Median with %d organizations / median with 10: **%.2f** (target: within 1.20).
                Filling the realm to %d organizations (admin REST, 4 threads) took %d s.
                """.formatted(LOGINS, WARMUP,
                        10, percentile(few, 50), percentile(few, 90), percentile(few, 100),
                        MANY, percentile(many, 50), percentile(many, 90), percentile(many, 100),
                        MANY, (double) percentile(many, 50) / percentile(few, 50), MANY, fillSeconds);
        Path out = Path.of(System.getProperty("orgbridge.repo.root"), "it", "target", "onboarding-latency.md");
        Files.writeString(out, report);
        System.out.println(report);
    }

    private List<Long> measure(String run, int logins) throws IOException {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < logins; i++) {
            String username = run + "-" + i;
            String email = username + "@globex.com";
            TestUsers.create(customerIdp.admin(), username, email, true, "password");
            CustomerUser user = new CustomerUser(username, "password", email, true);
            try (Browser browser = new Browser()) {
                browser.signInAtCustomerIdp(user);
                long start = System.nanoTime();
                browser.logInToApp(CustomerIdp.OIDC, user).asOidcSignIn();
                millis.add((System.nanoTime() - start) / 1_000_000L);
            }
        }
        return millis;
    }

    private void fillOrganizationsUpTo(int total) throws Exception {
        int existing = broker.admin().organizations().list(0, Integer.MAX_VALUE).size();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> created = new ArrayList<>();
        IntStream.range(existing, total).forEach(n -> created.add(pool.submit(() -> {
            OrganizationRepresentation org = new OrganizationRepresentation();
            org.setName("Filler " + n);
            org.setAlias("filler-" + n);
            OrganizationDomainRepresentation domain = new OrganizationDomainRepresentation();
            domain.setName("filler-" + n + ".example");
            org.addDomain(domain);
            broker.admin().organizations().create(org).close();
        })));
        for (Future<?> f : created) {
            f.get();
        }
        pool.shutdown();
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
        return sorted.get(index);
    }
}
