package dev.orgbridge.it;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import dev.orgbridge.it.harness.ServerInfoAssertions;
import java.nio.file.Path;
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
    static void startImage() {
        Path repo = Path.of(System.getProperty("orgbridge.repo.root"));
        String image = new ImageFromDockerfile("orgbridge-keycloak-it", false)
                .withFileFromPath(".", repo)
                .withDockerfile(repo.resolve("docker/Dockerfile"))
                .get();
        keycloak = new KeycloakContainer(image);
        keycloak.start();
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
