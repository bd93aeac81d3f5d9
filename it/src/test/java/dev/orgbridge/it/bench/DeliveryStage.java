package dev.orgbridge.it.bench;

import dev.orgbridge.it.harness.DeliveryRealm;
import dev.orgbridge.it.harness.Http;
import dev.orgbridge.it.harness.KeycloakNode;
import dev.orgbridge.it.harness.ThrowawayPostgres;
import dev.orgbridge.it.harness.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stage of the delivery load harnesses, as an operator runs Orgbridge: one production-mode Keycloak node
 * ({@link KeycloakNode}, {@code -Xmx768m}) on a throwaway PostgreSQL 15, on ports of its own (HTTP 8281, management
 * 9201, JGroups 57901, PostgreSQL 55533) so that it never meets the tests' servers; a realm with the capture listener
 * on. The worker runs with its defaults unless {@code -Dorgbridge.bench.worker-threads}, {@code …batch-size} or
 * {@code …interval-millis} say otherwise. Serialise runs with {@code flock /tmp/orgbridge-bench.lock}.
 */
final class DeliveryStage implements AutoCloseable {

    static final String REALM = "bench";
    /** The realm of the warm-up runs. */
    static final String WARM_UP_REALM = "warm-up";
    /** Rows per bulk-import request: well below the import's 10 MiB default limit. */
    private static final int IMPORT_ROWS = 10_000;
    private static final Map<String, String> WORKER_OPTIONS = Map.of(
            "orgbridge.bench.worker-threads", "threads",
            "orgbridge.bench.batch-size", "batch-size",
            "orgbridge.bench.interval-millis", "interval-millis");

    private final ThrowawayPostgres database;
    private final KeycloakNode node;
    private final DeliveryRealm realm;
    private final List<String> workerOptions;
    private final String loadAtStart = loadAverage();

    private DeliveryStage(ThrowawayPostgres database, KeycloakNode node, DeliveryRealm realm,
                          List<String> workerOptions) {
        this.database = database;
        this.node = node;
        this.realm = realm;
        this.workerOptions = workerOptions;
    }

    static DeliveryStage start() {
        List<String> options = new ArrayList<>();
        WORKER_OPTIONS.forEach((property, option) -> {
            String value = System.getProperty(property);
            if (value != null) {
                options.add("--spi-orgbridge-delivery--orgbridge-worker--" + option + "=" + value);
            }
        });
        ThrowawayPostgres database = ThrowawayPostgres.start(55533);
        try {
            List<String> nodeOptions = new ArrayList<>(options);
            nodeOptions.add("--log-level=INFO"); // as an operator runs it: no debug line per call
            KeycloakNode node = KeycloakNode.create("bench", 8281, 9201, 57901, database,
                    nodeOptions.toArray(String[]::new)).start();
            return new DeliveryStage(database, node, DeliveryRealm.create(node.admin(), REALM), options);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    KeycloakNode node() {
        return node;
    }

    DeliveryRealm realm() {
        return realm;
    }

    /**
     * Creates users {@code prefix-0} … {@code prefix-(count-1)} through Orgbridge's bulk import (CSV, up to
     * {@value #IMPORT_ROWS} rows per request; each user created emits the admin event {@code CREATE USER}, so the
     * capture listener writes one {@code user.created} per user in the import's transaction); answers the seconds it
     * took. Not Keycloak's partial import: its admin events carry resource type {@code REALM}, which capture ignores.
     */
    double importUsers(DeliveryRealm realm, String prefix, int count) {
        long started = System.nanoTime();
        for (int from = 0; from < count; from += IMPORT_ROWS) {
            StringBuilder csv = new StringBuilder("username,email,firstName,lastName\n");
            for (int n = from; n < Math.min(count, from + IMPORT_ROWS); n++) {
                csv.append(prefix).append('-').append(n).append(',').append(prefix).append('-').append(n)
                        .append("@acme.example,Bench,User ").append(n).append('\n');
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/admin/realms/"
                            + realm.name() + "/orgbridge/users/import"))
                    .header("Authorization", "Bearer " + node.admin().tokenManager().getAccessTokenString())
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build();
            HttpResponse<String> imported = Http.send(request);
            if (imported.statusCode() != 200 || !imported.body().contains("\"rejected\":0")) {
                throw new AssertionError("bulk import: " + imported.statusCode() + " "
                        + imported.body().substring(Math.max(0, imported.body().length() - 300)));
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** The realm's rows waiting in the outbox. */
    long outbox(DeliveryRealm realm) {
        return Long.parseLong(database.sql("select count(*) from orgbridge_outbox o join realm r on r.id = o.realm_id"
                + " where r.name = '" + realm.name() + "'"));
    }

    /**
     * Warms the node's JIT up on the path measured: {@code orgbridge.bench.warm-up} (default 3,000) changes drained to
     * a webhook in a realm of their own, before the measured backlog is made.
     */
    void warmUp() {
        int events = Integer.getInteger("orgbridge.bench.warm-up", 3_000);
        DeliveryRealm warmUp = DeliveryRealm.create(node.admin(), WARM_UP_REALM);
        importUsers(warmUp, "warm-up", events);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            WebhookDrain.run(this, warmUp, receiver, events, Duration.ofSeconds(120 + events / 20));
        }
    }

    /** The provisioning log's rows of one target, by status. */
    Map<String, Long> deliveries(String targetId) {
        Map<String, Long> counts = new TreeMap<>();
        database.sql("select status, count(*) from orgbridge_delivery where target_id = '" + targetId
                        + "' group by status").lines()
                .filter(line -> !line.isBlank())
                .forEach(line -> counts.put(line.substring(0, line.indexOf('|')),
                        Long.parseLong(line.substring(line.indexOf('|') + 1))));
        return counts;
    }

    /** CPU seconds used so far by the Keycloak JVM, the PostgreSQL cluster, and this JVM (receivers, harness). */
    Cpu cpu() {
        return new Cpu(CpuTime.ofTree(node.pid()), CpuTime.ofTree(database.pid()), CpuTime.ofThisJvm());
    }

    /** CPU seconds by process; between two readings, what a measurement cost. */
    record Cpu(double keycloak, double postgres, double harness) {

        Cpu since(Cpu before) {
            return new Cpu(keycloak - before.keycloak, postgres - before.postgres, harness - before.harness);
        }

        double total() {
            return keycloak + postgres + harness;
        }

        /** Table rows: the CPU used, per item, and the rate two otherwise idle cores would sustain at that cost. */
        String rows(int items, String item) {
            return """
                    | CPU used meanwhile: Keycloak / PostgreSQL / this JVM (%s, harness) | %.1f s / %.1f s / %.1f s |
                    | CPU per %s: Keycloak / PostgreSQL / this JVM | %.2f ms / %.2f ms / %.2f ms |
                    | estimate for two otherwise idle cores: 2 CPU-s/s ÷ CPU per %s (all three) | %.0f %ss/s |
                    """.formatted(HARNESS_SIDE, keycloak, postgres, harness, item, 1000 * keycloak / items,
                    1000 * postgres / items, 1000 * harness / items, item, 2 * items / total(), item);
        }

        private static final String HARNESS_SIDE = "the app on loopback";
    }

    /** What a report says about where it ran. */
    String environment() {
        return "Keycloak 26.7.3 distribution (`kc.sh start --optimized`, `-Xms128m -Xmx768m`, log level INFO) with the bundle jar on a "
                + "throwaway PostgreSQL 15, both on this machine (" + Runtime.getRuntime().availableProcessors()
                + " cores); worker options: " + (workerOptions.isEmpty() ? "defaults (threads 4, batch size 500, "
                + "interval 1000 ms)" : String.join(" ", workerOptions)) + "; load average (1, 5, 15 min) at start "
                + loadAtStart + ", at the end " + loadAverage() + " (other processes on the machine included).";
    }

    private static String loadAverage() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return load[0] + ", " + load[1] + ", " + load[2];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            node.close();
        } finally {
            database.close();
        }
    }
}
