package dev.orgbridge.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.util.JsonSerialization;

/** The bundle jar the server runs, read the way Keycloak reads it: its service files name every provider. */
public final class BundleJar {

    private static final String SERVICES = "META-INF/services/";
    private static final String THEMES = "META-INF/keycloak-themes.json";

    private BundleJar() {
    }

    public static Path path() {
        Path jar = Path.of(System.getProperty("orgbridge.bundle.jar", "missing"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("bundle jar not found at " + jar + "; build it with the reactor (mvn verify)");
        }
        return jar;
    }

    public static String version() {
        return System.getProperty("orgbridge.version");
    }

    /** The id of every provider factory the bundle registers. */
    public static Set<String> providerIds() {
        Set<String> ids = new TreeSet<>();
        try (ZipFile zip = new ZipFile(path().toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                // every services file names provider factories, but the one declaring Orgbridge's own SPI
                if (entry.getName().startsWith(SERVICES) && !entry.isDirectory()
                        && !entry.getName().equals(SERVICES + "org.keycloak.provider.Spi")) {
                    String content = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                    content.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                            .forEach(className -> ids.add(idOf(className)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    /** The themes the bundle declares in META-INF/keycloak-themes.json: name to theme types. */
    public static Map<String, List<String>> themes() {
        try (ZipFile zip = new ZipFile(path().toFile())) {
            ZipEntry entry = zip.getEntry(THEMES);
            if (entry == null) {
                return Map.of();
            }
            JsonNode declared = JsonSerialization.mapper.readTree(zip.getInputStream(entry));
            Map<String, List<String>> themes = new TreeMap<>();
            declared.get("themes").forEach(theme -> {
                List<String> types = new ArrayList<>();
                theme.get("types").forEach(type -> types.add(type.asText()));
                themes.put(theme.get("name").asText(), types);
            });
            return themes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String idOf(String factoryClass) {
        try {
            Object factory = Class.forName(factoryClass).getDeclaredConstructor().newInstance();
            return ((ProviderFactory<?>) factory).getId();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the bundle registers " + factoryClass + " but it cannot be instantiated",
                    e instanceof InvocationTargetException ite ? ite.getCause() : e);
        }
    }
}
