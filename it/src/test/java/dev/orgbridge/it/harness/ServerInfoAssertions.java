package dev.orgbridge.it.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.representations.info.ProviderRepresentation;
import org.keycloak.representations.info.ServerInfoRepresentation;
import org.keycloak.representations.info.ThemeInfoRepresentation;

/** What an admin checks in Server Info after deploying the bundle, on any server (distribution or image). */
public final class ServerInfoAssertions {

    private static final Set<String> LOCALES = Set.of("en", "de", "fr", "es");

    private ServerInfoAssertions() {
    }

    /** Every provider factory in the bundle is loaded and reports the bundle's version. */
    public static void assertEveryBundledProviderLoaded(ServerInfoRepresentation info) {
        Set<String> bundled = BundleJar.providerIds();
        Map<String, ProviderRepresentation> loaded = new HashMap<>();
        info.getProviders().values().forEach(spi -> spi.getProviders().forEach((id, provider) -> {
            if (bundled.contains(id)) {
                loaded.put(id, provider);
            }
        }));

        assertEquals(bundled, loaded.keySet(), "bundled providers loaded by Keycloak");
        loaded.forEach((id, provider) -> assertEquals(BundleJar.version(),
                provider.getOperationalInfo().get("orgbridge-version"), id + " reports the bundle version"));
    }

    /** Every theme the bundle declares is loaded for each of its types, in the four supported languages. */
    public static void assertBundledThemesLoaded(ServerInfoRepresentation info) {
        Map<String, List<ThemeInfoRepresentation>> themes = info.getThemes();
        assertTrue(BundleJar.themes().containsKey("orgbridge"), "the bundle declares the orgbridge theme");
        BundleJar.themes().forEach((name, types) -> types.forEach(type -> {
            ThemeInfoRepresentation theme = themes.get(type).stream()
                    .filter(t -> t.getName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(type + " theme " + name + " not loaded"));
            assertTrue(Set.of(theme.getLocales()).containsAll(LOCALES),
                    type + " theme " + name + " locales: " + List.of(theme.getLocales()));
        }));
    }
}
