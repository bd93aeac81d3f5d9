package dev.orgbridge.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * What was built: the Orgbridge version and the Keycloak version it was built against.
 * Every provider factory reports {@link #operationalInfo()} to Keycloak's Server Info.
 */
public record BuildInfo(String version, String keycloakVersion) {

    private static final String RESOURCE = "build.properties";
    private static final BuildInfo CURRENT = load();

    public static BuildInfo current() {
        return CURRENT;
    }

    /** The entries Keycloak shows under a provider in Server Info. */
    public Map<String, String> operationalInfo() {
        return Map.of("orgbridge-version", version, "built-for-keycloak", keycloakVersion);
    }

    private static BuildInfo load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Orgbridge build info " + RESOURCE + " is missing from the jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return new BuildInfo(properties.getProperty("version"), properties.getProperty("keycloak.version"));
        } catch (IOException e) {
            throw new UncheckedIOException("Orgbridge build info " + RESOURCE + " is unreadable", e);
        }
    }
}
