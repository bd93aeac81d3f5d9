package dev.orgbridge.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.captaingoldfish.scim.sdk.common.resources.User;
import dev.orgbridge.delivery.scim.ScimTestServer;
import dev.orgbridge.it.harness.DeliveryRealm;
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
 * create is idempotent: a lookup by {@code externalId} or {@code userName}, then the {@code POST}. Before that, the
 * same is done with {@code orgbridge.bench.warm-up} users (default 3,000) in another realm, to warm the JIT. Writes
 * {@code it/target/scim-throughput.md}. Run it alone (see docs/benchmarks.md): {@code flock /tmp/orgbridge-bench.lock
 * mvn -B verify -pl it -am -Dtest=ScimThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ScimThroughputBenchmark {

    private static final int USERS = Integer.getInteger("orgbridge.bench.users", 5_000);
    private static final int WARM_UP = Integer.getInteger("orgbridge.bench.warm-up", 3_000);
    private static final String TOKEN = "scim-bench-t0k3n";

    @Test
    void createsUsersInAScimServer() throws Exception {
        try (DeliveryStage stage = DeliveryStage.start(); ScimTestServer app = ScimTestServer.withToken(TOKEN)) {
            warmUp(stage);
            double fill = stage.importUsers(stage.realm(), "scim", USERS);
            assertEquals(USERS, stage.outbox(stage.realm()), "the changes wait in the outbox before the target exists");
            DeliveryStage.Cpu cpuBefore = stage.cpu();
            long started = System.nanoTime();
            String target = stage.realm().addTarget(stage.node().admin(), "orgbridge-scim",
                    Map.of("baseUrl", app.baseUrl(), "token", TOKEN));
            double firstSeconds = awaitUsers(app, USERS, started);
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

                    After a warm-up (`orgbridge.bench.warm-up` other users created in another SCIM server from \
                    another realm, the same way), %d users were created through Orgbridge's bulk import (%.0f s) while the realm had no \
                    target, so their `user.created` changes waited in the outbox. Then a SCIM target (bearer token) \
                    was added, pointing at the SCIM SDK's server (de.captaingoldfish scim-sdk-server, in memory, JDK \
                    HTTP server) on loopback; the clock runs from that request until the server holds every user \
                    (polled every 100 ms). Each create is two requests: `GET Users?filter=externalId eq … or \
                    userName eq …` (idempotent create), `POST Users`.

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

    /** Creates the warm-up users in a SCIM server of their own, as the measured run does. */
    private static void warmUp(DeliveryStage stage) {
        try (ScimTestServer app = ScimTestServer.withToken(TOKEN)) {
            DeliveryRealm realm = DeliveryRealm.create(stage.node().admin(), DeliveryStage.WARM_UP_REALM);
            stage.importUsers(realm, "warm-up", WARM_UP);
            long started = System.nanoTime();
            realm.addTarget(stage.node().admin(), "orgbridge-scim", Map.of("baseUrl", app.baseUrl(), "token", TOKEN));
            awaitUsers(app, WARM_UP, started);
            assertEquals(WARM_UP, app.users.all().size(), "every warm-up user created in the app");
        }
    }

    /** Waits until the app holds {@code users} users (or gives up); returns when the first arrived, in seconds. */
    private static double awaitUsers(ScimTestServer app, int users, long started) {
        long deadline = started + Duration.ofSeconds(120 + users / 20).toNanos();
        double firstSeconds = 0;
        while (app.users.all().size() < users && System.nanoTime() < deadline) {
            if (firstSeconds == 0 && !app.users.all().isEmpty()) {
                firstSeconds = (System.nanoTime() - started) / 1e9;
            }
            WebhookDrain.sleep(Duration.ofMillis(100));
        }
        return firstSeconds;
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
