package dev.orgbridge.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.keycloak.admin.client.Keycloak;

/**
 * One node of a production-mode Keycloak 26.7.3 with the bundle jar, as an operator runs it: a distribution process of
 * its own ({@code kc.sh start --optimized}) on PostgreSQL, on ports of its own, so that a test can run several, kill
 * one like a crash does, and start it again on the same database. Not the test framework's server: that one owns
 * 8080, 8443 and 9000 and runs on one database of its choosing.
 *
 * <p>The stock distribution (unpacked by the build into {@code orgbridge.stock.keycloak}) is copied once into
 * {@code target/nodes/keycloak}, gets the bundle jar and is built there for PostgreSQL and a clustered cache; each node
 * then runs its own copy of that build, since nodes must not share {@code data/}. Logs: {@code target/nodes/*.log}.
 */
public final class KeycloakNode implements AutoCloseable {

    public static final String ADMIN = "admin";
    private static final Path STOCK = Path.of(System.getProperty("orgbridge.stock.keycloak", "missing"));
    /** JVM options added to each node's, e.g. a flight recording to profile a benchmark (docs/benchmarks.md). */
    private static final String EXTRA_JAVA_OPTIONS = System.getProperty("orgbridge.node.java-options", "").trim();
    private static final Path NODES = Path.of(System.getProperty("orgbridge.it.target", "target")).resolve("nodes");
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int httpPort;
    private final int managementPort;
    private final int clusterPort;
    private final ThrowawayPostgres database;
    private final List<String> options;
    private final Path home;
    private final Path log;
    private Process process;
    private Keycloak admin;
    private int starts;

    private KeycloakNode(String name, int httpPort, int managementPort, int clusterPort, ThrowawayPostgres database,
                         List<String> options) {
        this.name = name;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.clusterPort = clusterPort;
        this.database = database;
        this.options = options;
        this.home = NODES.resolve(name);
        this.log = NODES.resolve(name + ".log");
    }

    /**
     * A fresh node (no {@code data/} of an earlier run) on these ports; not started. {@code clusterPort} is its
     * JGroups port on 127.0.0.1; {@code options} are more {@code kc.sh start} options, such as the worker's (Orgbridge
     * logs at debug level unless they set {@code --log-level}).
     */
    public static KeycloakNode create(String name, int httpPort, int managementPort, int clusterPort,
                                      ThrowawayPostgres database, String... options) {
        Path built = built();
        KeycloakNode node = new KeycloakNode(name, httpPort, managementPort, clusterPort, database, List.of(options));
        run(List.of("rm", "-rf", node.home.toString()), Duration.ofMinutes(1));
        run(List.of("cp", "-a", built.toString(), node.home.toString()), Duration.ofMinutes(2));
        return node;
    }

    /** Starts the node and waits until it answers ready on its management port. */
    public KeycloakNode start() {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--hostname-strict=false",
                "--http-host=127.0.0.1", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--db-url=" + database.jdbcUrl(), "--db-username=postgres", "--db-password=postgres",
                "--bootstrap-admin-username=" + ADMIN, "--bootstrap-admin-password=" + ADMIN,
                // the cluster stays on loopback (machine.md); each node its own port, as both share the host
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + clusterPort));
        if (options.stream().noneMatch(option -> option.startsWith("--log-level="))) {
            command.add("--log-level=INFO,dev.orgbridge:debug"); // what the tests read when one fails
        }
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_OPTS_APPEND", ("-Xms128m -Xmx768m " + EXTRA_JAVA_OPTIONS).trim());
        try {
            Files.writeString(log, "==== start " + (++starts) + ": " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
        return this;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak node " + name + " exited with " + process.exitValue()
                        + " while starting; see " + log.toAbsolutePath() + ":\n" + tail());
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Keycloak node " + name + " not ready within " + READY_WITHIN + "; see "
                + log.toAbsolutePath() + ":\n" + tail());
    }

    /** The pid of the node's JVM (kc.sh starts java as its child), e.g. for jstat and jcmd. */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException("Keycloak node " + name + " is not running");
        }
        return process.toHandle().descendants()
                .filter(handle -> handle.info().command().map(command -> command.endsWith("java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no JVM under " + name + "'s kc.sh"))
                .pid();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The master realm's admin, logged in to this node. */
    public Keycloak admin() {
        if (admin == null) {
            admin = Keycloak.getInstance(baseUrl(), "master", ADMIN, ADMIN, "admin-cli");
        }
        return admin;
    }

    /** The node's log so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Kills the node like a crash: the JVM gets SIGKILL and runs nothing more (no shutdown hooks, no transaction
     * finished, no lease released). kc.sh starts java as its child, so the child is killed by its pid first.
     */
    public void crash() {
        closeAdmin();
        if (process == null) {
            return;
        }
        List<ProcessHandle> java = process.toHandle().descendants().toList();
        java.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        java.forEach(handle -> handle.onExit().join());
        waitFor(process);
        process = null;
    }

    /** Stops the node; a node that does not stop within 30 s is killed. */
    @Override
    public void close() {
        closeAdmin();
        if (process == null) {
            return;
        }
        List<ProcessHandle> java = process.toHandle().descendants().toList();
        // kc.sh forwards TERM to java, which shuts down gracefully
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                crash();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            crash();
        }
        java.forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    private void closeAdmin() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }

    private String tail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** The distribution with the bundle jar, built for PostgreSQL and a cluster; rebuilt only when the jar changed. */
    private static synchronized Path built() {
        Path built = NODES.resolve("keycloak");
        Path marker = built.resolve("orgbridge-built-from");
        try {
            Path jar = BundleJar.path();
            String from = jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(from)) {
                return built;
            }
            if (!Files.isDirectory(STOCK.resolve("bin"))) {
                throw new IllegalStateException("stock Keycloak not found at " + STOCK
                        + "; the it module's build unpacks it (mvn verify -pl it -am)");
            }
            Files.createDirectories(NODES);
            run(List.of("rm", "-rf", built.toString()), Duration.ofMinutes(1));
            run(List.of("cp", "-a", STOCK.toString(), built.toString()), Duration.ofMinutes(2));
            Files.copy(jar, built.resolve("providers").resolve(jar.getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            // build options: health for readiness, PostgreSQL, the clustered cache (jdbc-ping is 26's default stack)
            run(List.of(built.resolve("bin/kc.sh").toString(), "build", "--db=postgres", "--cache=ispn",
                    "--health-enabled=true"), Duration.ofMinutes(5));
            Files.writeString(marker, from);
            return built;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command, Duration timeout) {
        try {
            Files.createDirectories(NODES);
            Path out = NODES.resolve("build.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command + "; see " + out.toAbsolutePath());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("failed (" + process.exitValue() + "): " + command + "; see "
                        + out.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    private static void waitFor(Process process) {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
