package dev.orgbridge.it.harness;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * A stock Keycloak distribution with the bundle jar in {@code providers/}: exactly what an admin deploys.
 * Every test class names this config, so one server serves the whole suite.
 */
public final class OrgbridgeServer implements KeycloakServerConfig {

    public static final String BASE_URL = "http://localhost:8080";

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder server) {
        server.log().categoryLevel("dev.orgbridge", "debug");
        return server.dependency("dev.orgbridge", "orgbridge");
    }
}
