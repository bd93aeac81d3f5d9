package dev.orgbridge.support.sso;

import dev.orgbridge.core.sso.InvalidSsoIdentifierException;
import dev.orgbridge.core.sso.SsoIdentifier;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Users whose SSO identifiers are the same ignoring case (possible only for identifiers set without Orgbridge's
 * validator: a realm import, a database change, values set before the validator was added), so an admin can clean
 * them up before turning on "link by SSO identifier". Reads the attribute values of the realm in one query.
 */
public final class SsoIdentifierCollisions {

    /** One user holding a colliding identifier, with the value as stored. */
    public record Holder(String id, String username, String value) {
    }

    /** Several users whose identifiers share one key. */
    public record Collision(String key, List<Holder> users) {
    }

    private SsoIdentifierCollisions() {
    }

    /** The collisions of the realm, by key; users inside one collision by username. */
    public static List<Collision> of(KeycloakSession session, RealmModel realm, String attribute) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        Map<String, List<Holder>> byKey = new HashMap<>();
        em.createQuery("select a.value, u.id, u.username from UserAttributeEntity a join a.user u "
                        + "where u.realmId = :realmId and a.name = :name", Object[].class)
                .setParameter("realmId", realm.getId())
                .setParameter("name", attribute)
                .getResultStream()
                .forEach(row -> key((String) row[0]).ifPresent(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Holder((String) row[1], (String) row[2], (String) row[0]))));
        return byKey.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1)
                .map(entry -> new Collision(entry.getKey(), entry.getValue().stream()
                        .sorted(Comparator.comparing(Holder::username)).toList()))
                .sorted(Comparator.comparing(Collision::key))
                .toList();
    }

    private static Optional<String> key(String value) {
        try {
            return Optional.of(SsoIdentifier.parse(value).key());
        } catch (InvalidSsoIdentifierException e) {
            return Optional.empty();
        }
    }
}
