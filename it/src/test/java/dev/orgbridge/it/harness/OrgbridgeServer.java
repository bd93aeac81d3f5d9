package dev.orgbridge.it.harness;

import java.time.Duration;
import java.util.Locale;
import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * A stock Keycloak distribution with the bundle jar in {@code providers/}: exactly what an admin deploys.
 * Every test class names this config, so one server serves the whole suite.
 */
public final class OrgbridgeServer implements KeycloakServerConfig {

    public static final String BASE_URL = "http://localhost:8080";
    /** The bulk-import byte limit the test server runs with. */
    public static final long IMPORT_MAX_BYTES = 1024 * 1024;
    /** How long the test server waits for a webhook's answer: short, so a hanging receiver times out quickly. */
    public static final Duration WEBHOOK_READ_TIMEOUT = Duration.ofSeconds(3);

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder server) {
        server.log().categoryLevel("dev.orgbridge", "debug");
        // a small bulk-import limit, so BulkImportIT can exceed it below Keycloak's own request-size limit
        server.option("spi-admin-realm-restapi-extension--orgbridge--import-max-bytes", Long.toString(IMPORT_MAX_BYTES));
        server.option("spi-orgbridge-provisioning-target--orgbridge-webhook--read-timeout-millis",
                Long.toString(WEBHOOK_READ_TIMEOUT.toMillis()));
        return server.dependency("dev.orgbridge", "orgbridge");
    }

    /** Which database the test framework runs Keycloak on, for reports: {@code dev-mem H2}, {@code postgres}… */
    public static String databaseDescription() {
        String kind = setting("kc.test.database", "dev-mem");
        return "remote".equals(kind) ? setting("kc.test.database.vendor", "remote") + " (remote)" : kind + " H2";
    }

    private static String setting(String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
