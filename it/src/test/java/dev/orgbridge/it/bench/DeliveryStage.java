package dev.orgbridge.it.bench;

import dev.orgbridge.it.harness.DeliveryRealm;
import dev.orgbridge.it.harness.KeycloakNode;
import dev.orgbridge.it.harness.ThrowawayPostgres;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The stage of the delivery load harnesses, as an operator runs Orgbridge: one production-mode Keycloak node
 * ({@link KeycloakNode}, {@code -Xmx768m}) on a throwaway PostgreSQL 15, on ports of its own (HTTP 8281, management
 * 9201, JGroups 57901, PostgreSQL 55533) so that it never meets the tests' servers; a realm with the capture listener
 * on. The worker runs with its defaults unless {@code -Dorgbridge.bench.worker-threads}, {@code …batch-size} or
 * {@code …interval-millis} say otherwise. Serialise runs with {@code flock /tmp/orgbridge-bench.lock}.
 */
final class DeliveryStage implements AutoCloseable {

    static final String REALM = "bench";
    /** Users per admin partial-import request. */
    private static final int IMPORT_BATCH = Integer.getInteger("orgbridge.bench.import-batch", 1_000);
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
            KeycloakNode node = KeycloakNode.create("bench", 8281, 9201, 57901, database,
                    options.toArray(String[]::new)).start();
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
     * Creates users {@code prefix-0} … {@code prefix-(count-1)} through Keycloak's admin partial import (one admin
     * event per user, so the capture listener writes one {@code user.created} per user in the import's transaction);
     * answers the seconds it took.
     */
    double importUsers(String prefix, int count) throws Exception {
        long started = System.nanoTime();
        Fill.range(0, (count + IMPORT_BATCH - 1) / IMPORT_BATCH, batch -> {
            PartialImportRepresentation users = new PartialImportRepresentation();
            users.setIfResourceExists("FAIL");
            users.setUsers(IntStream.range(batch * IMPORT_BATCH, Math.min(count, (batch + 1) * IMPORT_BATCH))
                    .mapToObj(n -> user(prefix + "-" + n)).toList());
            try (Response imported = node.admin().realm(REALM).partialImport(users)) {
                if (imported.getStatus() != 200) {
                    throw new AssertionError("partial import: " + imported.getStatus() + " "
                            + imported.readEntity(String.class));
                }
            }
        });
        return (System.nanoTime() - started) / 1e9;
    }

    private static UserRepresentation user(String username) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@acme.example");
        user.setFirstName("Bench");
        user.setLastName(username);
        user.setEnabled(true);
        return user;
    }

    /** Rows waiting in the outbox. */
    long outbox() {
        return Long.parseLong(database.sql("select count(*) from orgbridge_outbox"));
    }

    /** The provisioning log's rows by status (all targets). */
    Map<String, Long> deliveries() {
        Map<String, Long> counts = new TreeMap<>();
        database.sql("select status, count(*) from orgbridge_delivery group by status").lines()
                .filter(line -> !line.isBlank())
                .forEach(line -> counts.put(line.substring(0, line.indexOf('|')),
                        Long.parseLong(line.substring(line.indexOf('|') + 1))));
        return counts;
    }

    /** What a report says about where it ran. */
    String environment() {
        return "Keycloak 26.7.3 distribution (`kc.sh start --optimized`, `-Xms128m -Xmx768m`) with the bundle jar on a "
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
