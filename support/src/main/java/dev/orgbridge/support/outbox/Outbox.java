package dev.orgbridge.support.outbox;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Orgbridge's provisioning outbox, table ORGBRIDGE_OUTBOX. An entry is persisted through the session of the change, so
 * it commits or rolls back with it: a change is never lost, and nothing is delivered for a change that did not happen.
 */
public final class Outbox {

    private final EntityManager em;

    public Outbox(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public void add(String realmId, OutboxEntry entry) {
        em.persist(new OutboxEntity(KeycloakModelUtils.generateId(), realmId, entry, Time.currentTimeMillis()));
    }

    /**
     * Takes an entry out of the outbox for delivery: true if this transaction removed it. Two nodes taking the same
     * entry serialise on its row; the second one removes nothing and must not deliver it.
     */
    public boolean take(String id) {
        return em.createNamedQuery("orgbridgeOutboxTake").setParameter("id", id).executeUpdate() == 1;
    }

    /**
     * Drops entries older than {@code before}: those of realms that have the listener on but no target to deliver
     * to.
     */
    public int purge(long before) {
        return em.createNamedQuery("orgbridgeOutboxPurge").setParameter("before", before).executeUpdate();
    }

    /** The realm's entries, oldest first, at most {@code max}. */
    public List<OutboxEntry> of(String realmId, int max) {
        return em.createNamedQuery("orgbridgeOutboxOfRealm", OutboxEntity.class)
                .setParameter("realmId", realmId)
                .setMaxResults(max)
                .getResultStream()
                .map(OutboxEntity::toEntry)
                .toList();
    }
}
