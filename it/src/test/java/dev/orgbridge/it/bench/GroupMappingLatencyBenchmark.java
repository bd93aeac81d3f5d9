package dev.orgbridge.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orgbridge.it.harness.BrokerState;
import dev.orgbridge.it.harness.CustomerDirectory;
import dev.orgbridge.it.harness.CustomerIdp;
import dev.orgbridge.it.harness.IdpMappers;
import dev.orgbridge.it.harness.OrgbridgeServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Load harness, not a test: first-broker-login latency when Orgbridge's group mappers look a team up by name, with
 * 10 teams under /teams and in the organization, then 10,000 under /teams and 1,000 in the organization. Writes
 * {@code it/target/group-mapping-latency.md}. Run it alone:
 * {@code mvn -B verify -pl it -am -Dtest=GroupMappingLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class GroupMappingLatencyBenchmark extends LoadHarness {

    private static final int REALM_TEAMS = Integer.getInteger("orgbridge.bench.groups", 10_000);
    private static final int ORGANIZATION_TEAMS = Integer.getInteger("orgbridge.bench.organization-groups", 1_000);
    /** Every employee's division: one of the first ten teams, so it exists in both scopes in both runs. */
    private static final String DIVISION = "Team 0005";

    @Test
    void mappingCostStaysFlatAsGroupsGrow() throws Exception {
        // both scopes at once: /teams (demo mapper) and the organization Globex (a second mapper)
        IdpMappers.add(broker, CustomerIdp.OIDC, "division to organization team",
                "orgbridge-attribute-to-group-idp-mapper", Map.of("attribute", "division", "scope", "organization"));
        String teams = broker.admin().getGroupByPath("/teams").getId();
        OrganizationResource globex = broker.admin().organizations().get(BrokerState.organizations(broker).stream()
                .filter(o -> o.getAlias().equals("globex")).findFirst().orElseThrow().getId());
        CustomerDirectory directory = new CustomerDirectory(customerIdp);
        LoginLatency latency = new LoginLatency(directory, "globex.com", Map.of("division", List.of(DIVISION)));

        Fill.range(0, 10, n -> broker.admin().groups().group(teams).subGroup(team(n)).close());
        Fill.range(0, 10, n -> globex.groups().addTopLevelGroup(team(n)).close());
        latency.measure("warm-up", WARMUP);
        List<Long> few = latency.measure("few", LOGINS);

        long start = System.nanoTime();
        Fill.range(10, REALM_TEAMS, n -> broker.admin().groups().group(teams).subGroup(team(n)).close());
        Fill.range(10, ORGANIZATION_TEAMS, n -> globex.groups().addTopLevelGroup(team(n)).close());
        long fillSeconds = (System.nanoTime() - start) / 1_000_000_000L;
        List<Long> many = latency.measure("many", LOGINS);

        Reports.write("group-mapping-latency.md", """
                # First-broker-login latency against the number of groups

                Each login: a new employee of `globex.com` (already signed in at the IdP) whose IdP asserts \
                `division = %s`. Two Orgbridge group mappers resolve it by name: "division to team" among the \
                children of `/teams`, and "division to organization team" among the groups of Globex; both find \
                and join the team. %d measured logins per run (after %d warm-up logins), one at a time, on this \
                machine's real Keycloak 26.7.3 (%s) with the bundle jar.

                | Teams under /teams, in Globex | median ms | p90 ms | max ms |
                |---|---|---|---|
                %s
                %s

                Median with many groups / median with few: **%.2f** (target: within 1.20).
                Filling the realm (admin REST, 4 threads) took %d s.
                """.formatted(DIVISION, LOGINS, WARMUP, OrgbridgeServer.databaseDescription(),
                        LoginLatency.row("10, 10", few),
                        LoginLatency.row(REALM_TEAMS + ", " + ORGANIZATION_TEAMS, many),
                        LoginLatency.medianRatio(many, few), fillSeconds));
        // the harness measures mapping only if both mappers mapped every login
        int logins = WARMUP + 2 * LOGINS;
        String realmTeam = broker.admin().getGroupByPath("/teams/" + DIVISION).getId();
        assertEquals(logins, broker.admin().groups().group(realmTeam).members(0, logins + 1).size());
        String organizationTeam = globex.groups().getAll(DIVISION, null, true, 0, 1, false, false).get(0).getId();
        assertEquals(logins, globex.groups().group(organizationTeam).getMembers(0, logins + 1, true).size());
        directory.letAllGo();
    }

    private static GroupRepresentation team(int n) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName("Team %04d".formatted(n));
        return group;
    }
}
