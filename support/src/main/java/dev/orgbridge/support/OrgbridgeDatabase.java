package dev.orgbridge.support;

import dev.orgbridge.support.delivery.DeliveryEntity;
import dev.orgbridge.support.delivery.DigestEntity;
import dev.orgbridge.support.delivery.RemoteEntity;
import dev.orgbridge.support.delivery.ResyncJobEntity;
import dev.orgbridge.support.delivery.TargetStateEntity;
import dev.orgbridge.support.grants.GrantEntity;
import dev.orgbridge.support.outbox.OutboxEntity;
import dev.orgbridge.support.sso.SsoIdentifierEntity;
import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Orgbridge's schema changes in Keycloak's database, one Liquibase changelog for the whole bundle: an index that
 * makes organization lookup by email domain an index seek, and Orgbridge's own tables (ORGBRIDGE_GRANT,
 * ORGBRIDGE_SSO_ID, ORGBRIDGE_OUTBOX, ORGBRIDGE_DELIVERY, ORGBRIDGE_TARGET_STATE, ORGBRIDGE_REMOTE,
 * ORGBRIDGE_RESYNC_JOB).
 */
public final class OrgbridgeDatabase
        implements JpaEntityProviderFactory, JpaEntityProvider, OrgbridgeProviderFactory<JpaEntityProvider> {

    public static final String PROVIDER_ID = "orgbridge-database";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(GrantEntity.class, SsoIdentifierEntity.class, OutboxEntity.class, DeliveryEntity.class,
                TargetStateEntity.class, RemoteEntity.class, DigestEntity.class, ResyncJobEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/orgbridge/db-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return PROVIDER_ID;
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
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
