package dev.orgbridge.it;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import dev.orgbridge.it.harness.ServerInfoAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.info.ServerInfoRepresentation;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same Server Info smoke tests against the image built from docker/Dockerfile. Runs only where a Docker
 * engine exists; elsewhere JUnit reports it skipped ("Docker is not available") and nothing else needs Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerImageIT {

    private static KeycloakContainer keycloak;

    @BeforeAll
    static void startImage() throws IOException {
        Path repo = Path.of(System.getProperty("orgbridge.repo.root")).toAbsolutePath().normalize();
        ImageFromDockerfile build = new ImageFromDockerfile("orgbridge-keycloak-it", false)
                .withDockerfile(repo.resolve("docker/Dockerfile"));
        // Testcontainers ignores .dockerignore: send the sources only, not target/ or .demo/
        try (Stream<Path> files = Files.walk(repo)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> isSource(repo.relativize(file)))
                    .forEach(file -> build.withFileFromPath(repo.relativize(file).toString(), file));
        }
        String image = build.get();
        keycloak = new KeycloakContainer(image);
        keycloak.start();
    }

    private static boolean isSource(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals(".demo") || name.equals(".git") || name.equals(".idea")) {
                return false;
            }
        }
        return true;
    }

    @AfterAll
    static void stopImage() {
        if (keycloak != null) {
            keycloak.stop();
        }
    }

    @Test
    void imageListsEveryBundledProviderAndTheme() {
        try (Keycloak admin = keycloak.getKeycloakAdminClient()) {
            ServerInfoRepresentation info = admin.serverInfo().getInfo();
            ServerInfoAssertions.assertEveryBundledProviderLoaded(info);
            ServerInfoAssertions.assertBundledThemesLoaded(info);
        }
    }
}
