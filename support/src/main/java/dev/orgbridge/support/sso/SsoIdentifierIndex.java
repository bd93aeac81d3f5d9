package dev.orgbridge.support.sso;

import dev.orgbridge.core.sso.InvalidSsoIdentifierException;
import dev.orgbridge.core.sso.SsoIdentifier;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Who holds which SSO identifier, in table ORGBRIDGE_SSO_ID: an indexed lookup by the identifier's key, and the row
 * lock that makes the identifier unique when two admins (or imports) set {@code ABC123} and {@code abc123} at once.
 * The user attribute stays the source of truth: a row only points at a username, and every answer is checked
 * against that user's attribute, so a stale row (the user changed or lost the identifier) never matches.
 */
public final class SsoIdentifierIndex {

    private static final Logger LOG = Logger.getLogger(SsoIdentifierIndex.class);

    private final KeycloakSession session;
    private final String attribute;
    private final EntityManager em;

    /** @param attribute the user-profile attribute holding the identifier, e.g. {@code ssoIdentifier} */
    public SsoIdentifierIndex(KeycloakSession session, String attribute) {
        this.session = session;
        this.attribute = attribute;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /**
     * Claims the identifier for a user (existing, or about to be created under {@code username}). Holds the row's
     * lock until this transaction ends, so a concurrent claim of the same identifier waits and then sees this one.
     *
     * @param userId the claimant's id; null when the user is being created
     * @return the other user who holds the identifier, if any (then nothing is claimed)
     */
    public Optional<UserModel> claim(RealmModel realm, SsoIdentifier id, String username, String userId) {
        SsoIdentifierEntity row = lockedRow(realm, id);
        Optional<UserModel> holder = holderOf(realm, row, id)
                .filter(user -> userId == null || !user.getId().equals(userId));
        if (holder.isEmpty()) {
            row.claimFor(username);
        }
        return holder;
    }

    /**
     * The user holding the identifier: one indexed read, else (users whose identifier was set without Orgbridge, e.g.
     * by a realm import) Keycloak's case-insensitive attribute search, which then repairs the index.
     */
    public Optional<UserModel> holder(RealmModel realm, SsoIdentifier id) {
        SsoIdentifierEntity row = em.find(SsoIdentifierEntity.class, new SsoIdentifierEntity.Key(realm.getId(), id.key()));
        Optional<UserModel> indexed = row == null ? Optional.empty() : holderOf(realm, row, id);
        if (indexed.isPresent()) {
            return indexed;
        }
        List<UserModel> found = session.users().searchForUserStream(realm, Map.of(attribute, id.value()), 0, 2)
                .filter(user -> identifierOf(user).filter(id::matches).isPresent())
                .toList();
        if (found.size() != 1) {
            if (found.size() > 1) {
                LOG.warnf("Realm %s: several users hold one SSO identifier (see the collision report); none is chosen",
                        realm.getName());
            }
            return Optional.empty();
        }
        lockedRow(realm, id).claimFor(found.get(0).getUsername());
        return Optional.of(found.get(0));
    }

    /** The user's identifier, if the attribute holds a valid one. */
    public Optional<SsoIdentifier> identifierOf(UserModel user) {
        String value = user.getFirstAttribute(attribute);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SsoIdentifier.parse(value));
        } catch (InvalidSsoIdentifierException e) {
            return Optional.empty();
        }
    }

    private Optional<UserModel> holderOf(RealmModel realm, SsoIdentifierEntity row, SsoIdentifier id) {
        if (row.username() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(session.users().getUserByUsername(realm, row.username()))
                .filter(user -> identifierOf(user).filter(id::matches).isPresent());
    }

    /**
     * The identifier's row, write-locked by this transaction: a no-op update takes the row lock on any database and
     * keeps it until commit; a concurrent claimer's update waits, then reads what this one wrote.
     */
    private SsoIdentifierEntity lockedRow(RealmModel realm, SsoIdentifier id) {
        if (lock(realm, id) == 0) {
            createRow(realm, id);
            lock(realm, id);
        }
        SsoIdentifierEntity row = em.find(SsoIdentifierEntity.class,
                new SsoIdentifierEntity.Key(realm.getId(), id.key()));
        em.refresh(row); // read after the lock: what the last holder committed
        return row;
    }

    private int lock(RealmModel realm, SsoIdentifier id) {
        return em.createNamedQuery("orgbridgeLockSsoIdentifier")
                .setParameter("realmId", realm.getId())
                .setParameter("ssoKey", id.key())
                .executeUpdate();
    }

    /**
     * Makes the rows of many identifiers exist at once (one short transaction), so that claiming them later, e.g.
     * row by row in a bulk import, takes the lock without a transaction of its own per identifier.
     */
    public void prepare(RealmModel realm, Collection<SsoIdentifier> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), tx -> {
                EntityManager txEm = tx.getProvider(JpaConnectionProvider.class).getEntityManager();
                Set<String> keys = ids.stream().map(SsoIdentifier::key).collect(Collectors.toSet());
                Set<String> existing = new HashSet<>(txEm.createQuery("select e.ssoKey from SsoIdentifierEntity e "
                                + "where e.realmId = :realmId and e.ssoKey in :keys", String.class)
                        .setParameter("realmId", realm.getId())
                        .setParameter("keys", keys)
                        .getResultList());
                keys.stream().filter(key -> !existing.contains(key))
                        .forEach(key -> txEm.persist(new SsoIdentifierEntity(realm.getId(), key)));
            });
        } catch (RuntimeException raceLost) {
            // a concurrent claim created some: each claim then creates what is still missing itself
            LOG.debugf("SSO identifier rows created concurrently: %s", raceLost.getMessage());
        }
    }

    /** In its own transaction, so the row exists for everyone to lock; a concurrent creator wins harmlessly. */
    private void createRow(RealmModel realm, SsoIdentifier id) {
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), tx -> {
                EntityManager txEm = tx.getProvider(JpaConnectionProvider.class).getEntityManager();
                SsoIdentifierEntity.Key key = new SsoIdentifierEntity.Key(realm.getId(), id.key());
                if (txEm.find(SsoIdentifierEntity.class, key) == null) {
                    txEm.persist(new SsoIdentifierEntity(realm.getId(), id.key()));
                }
            });
        } catch (RuntimeException raceLost) {
            LOG.debugf("SSO identifier row created concurrently: %s", raceLost.getMessage());
        }
    }
}
