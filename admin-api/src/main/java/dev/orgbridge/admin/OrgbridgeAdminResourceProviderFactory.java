package dev.orgbridge.admin;

import dev.orgbridge.admin.users.ImportLimits;
import dev.orgbridge.support.OrgbridgeProviderFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Mounts Orgbridge's admin REST API at {@code /admin/realms/{realm}/orgbridge}.
 *
 * <p>The id is the URL segment, so it is {@code orgbridge} rather than {@code orgbridge-…}: the one provider id
 * without the dash.
 */
public final class OrgbridgeAdminResourceProviderFactory
        implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider,
        OrgbridgeProviderFactory<AdminRealmResourceProvider> {

    public static final String PROVIDER_ID = "orgbridge";

    /** Bulk-import limits; server options {@code --spi-admin-realm-restapi-extension--orgbridge--import-max-bytes}, {@code …--import-max-rows}. */
    private volatile ImportLimits importLimits = ImportLimits.DEFAULT;

    @Override
    public void init(Config.Scope config) {
        importLimits = new ImportLimits(config.getLong("importMaxBytes", ImportLimits.DEFAULT.maxBytes()),
                config.getLong("importMaxRows", ImportLimits.DEFAULT.maxRows()));
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        return new OrgbridgeAdminResource(session, auth, importLimits);
    }

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void close() {
        // stateless: both the factory and the provider
    }
}
