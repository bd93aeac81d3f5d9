package dev.orgbridge.admin;

import java.util.Comparator;
import java.util.List;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/** One Orgbridge provider Keycloak has loaded: its SPI and its id. */
public record InstalledProvider(String spi, String id) {

    private static final String ORGBRIDGE_PACKAGE = "dev.orgbridge.";

    static List<InstalledProvider> listAll(KeycloakSessionFactory factory) {
        return factory.getSpis().stream()
                .flatMap(spi -> factory.getProviderFactoriesStream(spi.getProviderClass())
                        .filter(InstalledProvider::isOrgbridge)
                        .map(provider -> new InstalledProvider(spi.getName(), provider.getId())))
                .sorted(Comparator.comparing(InstalledProvider::spi).thenComparing(InstalledProvider::id))
                .toList();
    }

    private static boolean isOrgbridge(ProviderFactory<?> provider) {
        return provider.getClass().getName().startsWith(ORGBRIDGE_PACKAGE);
    }
}
