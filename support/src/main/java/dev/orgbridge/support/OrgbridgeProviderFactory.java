package dev.orgbridge.support;

import dev.orgbridge.core.BuildInfo;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Mixed into every Orgbridge provider factory: no server-level configuration or state (settings live in the realm,
 * so every node reads the same), and the bundle version in Server Info.
 */
public interface OrgbridgeProviderFactory<T extends Provider> extends ProviderFactory<T>, ServerInfoAwareProviderFactory {

    @Override
    default Map<String, String> getOperationalInfo() {
        return BuildInfo.current().operationalInfo();
    }

    @Override
    default void init(Config.Scope config) {
        // nothing configured at server level
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    default void close() {
        // stateless
    }
}
