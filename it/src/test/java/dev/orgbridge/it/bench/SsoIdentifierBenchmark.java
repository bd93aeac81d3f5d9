package dev.orgbridge.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orgbridge.it.harness.BrokerState;
import dev.orgbridge.it.harness.CustomerDirectory;
import dev.orgbridge.it.harness.OrgbridgeAdminApi;
import dev.orgbridge.it.harness.OrgbridgeServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Load harness, not a test: (1) bulk-import throughput for 10,000 rows and Keycloak's peak heap meanwhile; (2)
 * first-login latency of "link by SSO identifier" with 100 users in the realm, then with 100,000. Writes
 * {@code it/target/sso-identifier.md}. Run it alone:
 * {@code mvn -B verify -pl it -am -Dtest=SsoIdentifierBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class SsoIdentifierBenchmark extends LoadHarness {

    private static final int IMPORT_ROWS = Integer.getInteger("orgbridge.bench.import-rows", 10_000);
    private static final int MANY = Integer.getInteger("orgbridge.bench.users", 100_000);
    /** Import rows per request: the test server's bulk-import byte limit is small. */
    private static final int ROWS_PER_FILE = 10_000;
    private static final int FILLER_BATCH = 2_000;

    @InjectAdminClient
    Keycloak admin;

    @Test
    void linkCostStaysFlatAndImportIsFast() throws Exception {
        linkByEmployeeIdClaim();
        CustomerDirectory directory = new CustomerDirectory(customerIdp);
        LoginLatency latency = new LoginLatency(directory, "gmail.com", Map.of());

        // 100 users with identifiers, then the logins that find them
        importRows(0, 100);
        latency.measure("warm-up", WARMUP, i -> employee(i % 100));
        List<Long> few = latency.measure("few", LOGINS, i -> employee(50 + i % 50));

        HeapSampler heap = HeapSampler.start(HeapSampler.testFrameworkServer());
        long started = System.nanoTime();
        importRows(100, 100 + IMPORT_ROWS);
        double seconds = (System.nanoTime() - started) / 1e9;
        long peakHeap = heap.stop();

        long fillStart = System.nanoTime();
        fillUpTo(MANY);
        long fillSeconds = (System.nanoTime() - fillStart) / 1_000_000_000L;
        int users = broker.admin().users().count();
        List<Long> many = latency.measure("many", LOGINS, i -> employee(100 + i * 300));
        // every measured login was linked to an imported user, none created a new one
        assertEquals(users, broker.admin().users().count());

        Reports.write("sso-identifier.md", """
                # SSO identifier: bulk import and link latency

                On this machine's real Keycloak 26.7.3 (%s) with the bundle jar.

                ## Bulk import

                %d rows (username, email, first and last name, SSO identifier), CSV, %d rows per request, 100 rows per \
                transaction, up to 4 transactions at once: **%.0f rows/s** (%.1f s). Keycloak's peak used heap while importing \
                (jstat, every 250 ms): **%d MiB**.

                ## First login linked by SSO identifier

                Each login: an employee (already signed in at the IdP) whose IdP asserts an `employeeId` claim equal \
                to the SSO identifier of an imported user; "Orgbridge: link by SSO identifier" finds that user and \
                links the login to it. %d measured logins per run (after %d warm-up logins), one at a time.

                | Users in the realm | median ms | p90 ms | max ms |
                |---|---|---|---|
                %s
                %s

                Median with %d users / median with 100: **%.2f** (target: about the same). Adding the users \
                (admin partial import, %d per request) took %d s.
                """.formatted(OrgbridgeServer.databaseDescription(), IMPORT_ROWS, ROWS_PER_FILE,
                        IMPORT_ROWS / seconds, seconds, peakHeap / (1024 * 1024),
                        LOGINS, WARMUP, LoginLatency.row("~100", few), LoginLatency.row(Integer.toString(MANY), many),
                        MANY, LoginLatency.medianRatio(many, few), FILLER_BATCH, fillSeconds));
        directory.letAllGo();
    }

    private static Map<String, List<String>> employee(int n) {
        return Map.of("employeeId", List.of("EMP-" + n));
    }

    /** The link step compares the OIDC claim employeeId, which the customer IdP sends from the user attribute. */
    private void linkByEmployeeIdClaim() {
        AuthenticatorConfigRepresentation step = BrokerState.stepConfig(broker, "orgbridge-sso-identifier-link");
        step.getConfig().put("oidcClaim", "employeeId");
        broker.admin().flows().updateAuthenticatorConfig(step.getId(), step);
        ClientResource broker = customerIdp.admin().clients().get(customerIdp.admin().clients()
                .findByClientId("orgbridge-broker").get(0).getId());
        ProtocolMapperRepresentation claim = new ProtocolMapperRepresentation();
        claim.setName("employeeId");
        claim.setProtocol("openid-connect");
        claim.setProtocolMapper("oidc-usermodel-attribute-mapper");
        claim.setConfig(Map.of("user.attribute", "employeeId", "claim.name", "employeeId",
                "jsonType.label", "String", "id.token.claim", "true", "access.token.claim", "true",
                "userinfo.token.claim", "true"));
        broker.getProtocolMappers().createMapper(claim).close();
    }

    /** Imports users imp-from … imp-(to-1) with SSO identifiers EMP-from …, through Orgbridge's bulk import. */
    private void importRows(int from, int to) {
        for (int start = from; start < to; start += ROWS_PER_FILE) {
            StringBuilder csv = new StringBuilder("username,email,firstName,lastName,ssoIdentifier\n");
            for (int n = start; n < Math.min(to, start + ROWS_PER_FILE); n++) {
                csv.append("imp-").append(n).append(",imp-").append(n).append("@acme.example,Imported,User ")
                        .append(n).append(",EMP-").append(n).append('\n');
            }
            HttpResponse<String> response = OrgbridgeAdminApi.post(broker.getName(), "users/import", "text/csv",
                    HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8),
                    admin.tokenManager().getAccessTokenString());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(true, response.body().contains("\"rejected\":0"), response.body().substring(
                    Math.max(0, response.body().length() - 200)));
        }
    }

    /** Plain users (no identifier) up to the total, by admin partial import: the crowd the lookups must ignore. */
    private void fillUpTo(int total) throws Exception {
        int existing = broker.admin().users().count();
        Fill.range(0, (total - existing + FILLER_BATCH - 1) / FILLER_BATCH, batch -> {
            PartialImportRepresentation users = new PartialImportRepresentation();
            users.setIfResourceExists("SKIP");
            users.setUsers(IntStream.range(0, FILLER_BATCH)
                    .mapToObj(i -> filler(existing + batch * FILLER_BATCH + i)).toList());
            broker.admin().partialImport(users).close();
        });
    }

    private static UserRepresentation filler(int n) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername("filler-" + n);
        user.setEmail("filler-" + n + "@filler.example");
        user.setEnabled(true);
        return user;
    }
}
