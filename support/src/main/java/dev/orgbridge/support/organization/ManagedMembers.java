package dev.orgbridge.support.organization;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.idm.MembershipType;

/**
 * The managed members of an organization with their own enabled flag, a page at a time, read as plain values in one
 * statement per page: no user is loaded into the session, so an organization of any size costs one page of memory.
 * Keycloak's user lookups present a managed member of a disabled organization as disabled; this reads the flag the
 * member itself has.
 */
public final class ManagedMembers {

    /** One managed member: its id and its own enabled flag. */
    public record Member(String id, boolean enabled) {
    }

    private final EntityManager em;

    public ManagedMembers(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /**
     * The managed members whose id sorts after {@code afterId} (empty for the first page), by id, at most
     * {@code max}.
     */
    public List<Member> after(String organizationId, String afterId, int max) {
        return em.createQuery("select u.id, u.enabled from UserGroupMembershipEntity m join m.user u "
                        + "where m.groupId = (select o.groupId from OrganizationEntity o where o.id = :organization) "
                        + "and m.membershipType = :managed and u.id > :after order by u.id", Object[].class)
                .setParameter("organization", organizationId)
                .setParameter("managed", MembershipType.MANAGED.name())
                .setParameter("after", afterId)
                .setMaxResults(max)
                .getResultStream()
                .map(row -> new Member((String) row[0], (Boolean) row[1]))
                .toList();
    }
}
