package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.it.harness.BundleJar;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An admin copies the one jar into a stock Keycloak distribution's providers/ and runs {@code kc.sh build}:
 * the build succeeds without errors and without any other file.
 */
class BundleInstallIT {

    /** Keycloak logs this for every admin REST extension; docs/install.md explains it. */
    private static final String INTERNAL_SPI_NOTICE = "KC-SERVICES0047";

    private static final Path STOCK_KEYCLOAK = Path.of(System.getProperty("orgbridge.stock.keycloak", "missing"));

    @Test
    void adminInstallsTheBundleIntoStockKeycloakWithOneJar() throws Exception {
        Path providers = STOCK_KEYCLOAK.resolve("providers");
        clearJars(providers);
        Files.copy(BundleJar.path(), providers.resolve(BundleJar.path().getFileName()), StandardCopyOption.REPLACE_EXISTING);

        Build build = kcBuild();

        assertEquals(0, build.exitCode(), build.output());
        assertTrue(build.output().contains("Server configuration updated and persisted"), build.output());
        assertEquals(List.of(), build.output().lines().filter(line -> line.contains("ERROR")).toList(),
                "kc.sh build reports no errors");
        assertEquals(List.of(), build.output().lines()
                        .filter(line -> line.contains("WARN") && line.toLowerCase(Locale.ROOT).contains("orgbridge"))
                        .filter(line -> !line.contains(INTERNAL_SPI_NOTICE))
                        .toList(),
                "kc.sh build warns about nothing of Orgbridge's but the documented internal-SPI notice");
        try (Stream<Path> files = Files.list(providers)) {
            assertEquals(List.of(BundleJar.path().getFileName().toString()),
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).toList());
        }
    }

    private record Build(int exitCode, String output) {
    }

    private static Build kcBuild() throws IOException, InterruptedException {
        File log = Files.createTempFile("kc-build", ".log").toFile();
        Process process = new ProcessBuilder(STOCK_KEYCLOAK.resolve("bin/kc.sh").toString(), "build", "--db=postgres")
                .directory(STOCK_KEYCLOAK.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("kc.sh build did not finish in 5 minutes");
        }
        return new Build(process.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
    }

    private static void clearJars(Path providers) throws IOException {
        try (Stream<Path> files = Files.list(providers)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.delete(jar);
            }
        }
    }
}
