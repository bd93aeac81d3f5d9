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
     * Adds many entries of one change (the managed members of an organization that was disabled, say), a page at a
     * time: each page is written to the database in this transaction and then let go of, so the session holds one page,
     * not all of them.
     */
    public void addPage(String realmId, List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<OutboxEntity> page = entries.stream()
                .map(entry -> new OutboxEntity(KeycloakModelUtils.generateId(), realmId, entry,
                        Time.currentTimeMillis()))
                .toList();
        page.forEach(em::persist);
        em.flush();
        page.forEach(em::detach);
    }

    /**
     * Takes entries out of the outbox for delivery, in one statement: true if this transaction removed every one of
     * them. Two nodes taking the same entries serialise on their rows; the second one removes fewer than it asked for
     * and must deliver none of them (it cannot tell which it removed), so it rolls back.
     */
    public boolean take(List<String> ids) {
        return ids.isEmpty()
                || em.createNamedQuery("orgbridgeOutboxTake").setParameter("ids", ids).executeUpdate() == ids.size();
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
