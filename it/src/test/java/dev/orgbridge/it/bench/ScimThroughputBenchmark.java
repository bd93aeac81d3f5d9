package dev.orgbridge.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.captaingoldfish.scim.sdk.common.resources.User;
import dev.orgbridge.delivery.scim.ScimTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Load harness, not a test: how many users per second the worker creates in a SCIM 2.0 server on loopback (the SCIM
 * SDK's server, written by others, in memory). {@code orgbridge.bench.users} (default 5,000) users are created while
 * the realm has no target; then a SCIM target is added and the clock runs until the server holds them all. Each
 * create is idempotent: a lookup by {@code externalId}, one by {@code userName}, then the {@code POST}. Writes
 * {@code it/target/scim-throughput.md}. Run it alone (see docs/benchmarks.md): {@code flock /tmp/orgbridge-bench.lock
 * mvn -B verify -pl it -am -Dtest=ScimThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ScimThroughputBenchmark {

    private static final int USERS = Integer.getInteger("orgbridge.bench.users", 5_000);
    private static final String TOKEN = "scim-bench-t0k3n";

    @Test
    void createsUsersInAScimServer() throws Exception {
        try (DeliveryStage stage = DeliveryStage.start(); ScimTestServer app = ScimTestServer.withToken(TOKEN)) {
            stage.warmUp();
            double fill = stage.importUsers(stage.realm(), "scim", USERS);
            assertEquals(USERS, stage.outbox(stage.realm()), "the changes wait in the outbox before the target exists");
            DeliveryStage.Cpu cpuBefore = stage.cpu();
            long started = System.nanoTime();
            String target = stage.realm().addTarget(stage.node().admin(), "orgbridge-scim",
                    Map.of("baseUrl", app.baseUrl(), "token", TOKEN));
            long deadline = started + Duration.ofSeconds(120 + USERS / 20).toNanos();
            double firstSeconds = 0;
            while (app.users.all().size() < USERS && System.nanoTime() < deadline) {
                if (firstSeconds == 0 && !app.users.all().isEmpty()) {
                    firstSeconds = (System.nanoTime() - started) / 1e9;
                }
                WebhookDrain.sleep(Duration.ofMillis(100));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            DeliveryStage.Cpu cpu = stage.cpu().since(cpuBefore);
            List<User> users = app.users.all();
            Set<String> externalIds = users.stream().map(u -> u.getExternalId().orElse(""))
                    .collect(Collectors.toSet());
            assertEquals(USERS, users.size(), "every user created in the app");
            assertEquals(USERS, externalIds.size(), "one resource per Keycloak user");
            Map<String, Long> log = awaitLog(stage, target);
            assertEquals(Map.of("DELIVERED", (long) USERS), log, "one delivered row per change");
            Reports.write("scim-throughput.md", """
                    # SCIM user creates throughput

                    %s

                    After a warm-up (changes of other users drained to a webhook in another realm, see \
                    `orgbridge.bench.warm-up`), %d users were created through Orgbridge's bulk import (%.0f s) while the realm had no \
                    target, so their `user.created` changes waited in the outbox. Then a SCIM target (bearer token) \
                    was added, pointing at the SCIM SDK's server (de.captaingoldfish scim-sdk-server, in memory, JDK \
                    HTTP server) on loopback; the clock runs from that request until the server holds every user \
                    (polled every 100 ms). Each create is three requests: `GET Users?filter=externalId eq …`, \
                    `GET Users?filter=userName eq …` (idempotent create), `POST Users`.

                    | What | Value |
                    |---|---|
                    | users | %d |
                    | first user in the app after | %.1f s |
                    | all users in the app after | %.1f s |
                    | **creates per second** | **%.0f** |
                    | provisioning log at the end | %s |
                    %s
                    Target (issue #6): at least 200 creates/s.
                    """.formatted(stage.environment(), USERS, fill, USERS, firstSeconds, seconds, USERS / seconds,
                    log, cpu.rows(USERS, "create")));
        }
    }

    /** The log once every row is settled (the last call's result is recorded just after the server has it). */
    private static Map<String, Long> awaitLog(DeliveryStage stage, String target) {
        Map<String, Long> log = stage.deliveries(target);
        for (int i = 0; i < 60 && log.getOrDefault("PENDING", 0L) > 0; i++) {
            WebhookDrain.sleep(Duration.ofMillis(500));
            log = stage.deliveries(target);
        }
        return log;
    }
}
