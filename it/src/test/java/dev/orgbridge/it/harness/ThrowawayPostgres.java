package dev.orgbridge.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 15 cluster of the test's own, on loopback, deleted when closed: the database the Keycloak nodes share
 * (../shared/notes/machine.md). Runs initdb and pg_ctl as {@code postgres} when the test runs as root, since PostgreSQL
 * refuses to run as root. A machine without the binaries fails the test, saying how to install them.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private static final Path BIN = Path.of(System.getProperty("orgbridge.pg.bin", "/usr/lib/postgresql/15/bin"));
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final int port;
    private final Path dir;
    private boolean started;

    private ThrowawayPostgres(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    /** Starts a fresh cluster with an empty database {@code keycloak} on 127.0.0.1:{@code port}. */
    public static ThrowawayPostgres start(int port) {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new IllegalStateException("PostgreSQL 15 binaries not found in " + BIN
                    + ": apt-get install -y postgresql (or set -Dorgbridge.pg.bin)");
        }
        if (listening(port)) {
            throw new IllegalStateException("port " + port + " is busy: a PostgreSQL of an earlier run still up?");
        }
        try {
            Path dir = Files.createTempDirectory("orgbridge-pg");
            ThrowawayPostgres postgres = new ThrowawayPostgres(port, dir);
            if (ROOT) {
                run(List.of("chown", "postgres", dir.toString()));
            }
            postgres.asPostgres(BIN.resolve("initdb") + " -D " + dir + "/data -A trust -U postgres");
            postgres.asPostgres(BIN.resolve("pg_ctl") + " -D " + dir + "/data -o '-p " + port + " -k " + dir
                    + " -c listen_addresses=127.0.0.1' -l " + dir + "/log -w start");
            postgres.started = true;
            postgres.asPostgres(BIN.resolve("createdb") + " -h 127.0.0.1 -p " + port + " -U postgres keycloak");
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/keycloak";
    }

    /** The pid of the cluster's postmaster (its backends are its children). */
    public long pid() {
        try {
            return Long.parseLong(Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs SQL on database {@code keycloak} with psql; answers its output, unaligned, tuples only. */
    public String sql(String sql) {
        return asPostgres(BIN.resolve("psql") + " -h 127.0.0.1 -p " + port + " -U postgres -d keycloak -At -c "
                + quoted(sql)).strip();
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() {
        try {
            if (started) {
                asPostgres(BIN.resolve("pg_ctl") + " -D " + dir + "/data -m immediate -w stop");
            }
        } finally {
            run(List.of("rm", "-rf", dir.toString()));
        }
    }

    private String asPostgres(String command) {
        return run(ROOT ? List.of("su", "postgres", "-c", command) : List.of("bash", "-c", command));
    }

    private static String run(List<String> command) {
        try {
            Path out = Files.createTempFile("orgbridge-pg", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            Files.delete(out);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("failed (" + process.exitValue() + "): " + command + "\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
