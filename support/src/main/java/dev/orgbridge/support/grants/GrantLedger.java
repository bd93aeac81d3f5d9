package dev.orgbridge.support.grants;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The per-user record of what Orgbridge's mappers granted, in table ORGBRIDGE_GRANT. Written in the login's own
 * transaction, so a record exists exactly when its grant committed; several nodes share it through the database.
 */
public final class GrantLedger {

    private final EntityManager em;

    public GrantLedger(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** Records (or re-records, after a newer login) why the user holds the target. */
    public void record(RealmModel realm, UserModel user, Grant grant) {
        GrantEntity row = find(user, grant.kind(), grant.targetId());
        if (row == null) {
            row = new GrantEntity(KeycloakModelUtils.generateId(), realm.getId(), user.getId(), grant.kind().name(),
                    grant.targetId());
            row.describe(grant, Time.currentTimeMillis());
            em.persist(row);
        } else {
            row.describe(grant, Time.currentTimeMillis());
        }
    }

    /** Forgets the record when the mapper takes the group or role away. */
    public void forget(UserModel user, Grant.Kind kind, String targetId) {
        em.createNamedQuery("orgbridgeForgetGrant")
                .setParameter("userId", user.getId())
                .setParameter("kind", kind.name())
                .setParameter("targetId", targetId)
                .executeUpdate();
    }

    /** Every record of the user, groups first, by name. Records of grants removed by hand since are included. */
    public List<Grant> of(UserModel user) {
        return em.createNamedQuery("orgbridgeGrantsOfUser", GrantEntity.class)
                .setParameter("userId", user.getId())
                .getResultStream()
                .map(GrantEntity::toGrant)
                .toList();
    }

    private GrantEntity find(UserModel user, Grant.Kind kind, String targetId) {
        return em.createNamedQuery("orgbridgeGrantOfTarget", GrantEntity.class)
                .setParameter("userId", user.getId())
                .setParameter("kind", kind.name())
                .setParameter("targetId", targetId)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }
}
