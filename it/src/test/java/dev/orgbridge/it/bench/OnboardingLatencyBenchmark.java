package dev.orgbridge.it.bench;

import dev.orgbridge.it.harness.CustomerDirectory;
import dev.orgbridge.it.harness.OrgbridgeServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Load harness, not a test: first-broker-login latency (the broker's side, the IdP already signed in) for a user of
 * a registered company, with 10 organizations in the realm and then with 10,000. Writes
 * {@code it/target/onboarding-latency.md}. Run it alone:
 * {@code mvn -B verify -pl it -am -Dtest=OnboardingLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class OnboardingLatencyBenchmark extends LoadHarness {

    private static final int MANY = Integer.getInteger("orgbridge.bench.organizations", 10_000);

    @Test
    void firstLoginLatencyDoesNotGrowWithTheNumberOfOrganizations() throws Exception {
        CustomerDirectory directory = new CustomerDirectory(customerIdp);
        LoginLatency latency = new LoginLatency(directory, "globex.com", Map.of());
        fillOrganizationsUpTo(10);
        latency.measure("warm-up", WARMUP);
        List<Long> few = latency.measure("few", LOGINS);

        long start = System.nanoTime();
        fillOrganizationsUpTo(MANY);
        long fillSeconds = (System.nanoTime() - start) / 1_000_000_000L;
        List<Long> many = latency.measure("many", LOGINS);

        Reports.write("onboarding-latency.md", """
                # First-broker-login latency against the number of organizations

                Each login: a new user of the registered company `globex.com` (already signed in at the IdP) goes \
                through the broker's first broker login: Orgbridge decides and joins, Keycloak creates the user, \
                the app receives the code. %d measured logins per run (after %d warm-up logins), one at a time, \
                on this machine's real Keycloak 26.7.3 (%s) with the bundle jar.

                | Organizations in the realm | median ms | p90 ms | max ms |
                |---|---|---|---|
                %s
                %s

                Median with %d organizations / median with 10: **%.2f** (target: within 1.20).
                Filling the realm to %d organizations (admin REST, 4 threads) took %d s.
                """.formatted(LOGINS, WARMUP, OrgbridgeServer.databaseDescription(),
                        LoginLatency.row("10", few), LoginLatency.row(Integer.toString(MANY), many),
                        MANY, LoginLatency.medianRatio(many, few), MANY, fillSeconds));
        directory.letAllGo();
    }

    private void fillOrganizationsUpTo(int total) throws Exception {
        int existing = broker.admin().organizations().list(0, Integer.MAX_VALUE).size();
        Fill.range(existing, total, n -> {
            OrganizationRepresentation org = new OrganizationRepresentation();
            org.setName("Filler " + n);
            org.setAlias("filler-" + n);
            OrganizationDomainRepresentation domain = new OrganizationDomainRepresentation();
            domain.setName("filler-" + n + ".example");
            org.addDomain(domain);
            broker.admin().organizations().create(org).close();
        });
    }
}
