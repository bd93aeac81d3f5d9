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
                .map(ManagedMembers::member)
                .toList();
    }

    /**
     * The managed members of the realm's enabled organizations whose id sorts after {@code afterId}, by id, at most
     * {@code max}: those the realm's Organizations switch disables and enables (a disabled organization's members
     * stay disabled either way).
     */
    public List<Member> ofEnabledOrganizations(String realmId, String afterId, int max) {
        return em.createQuery("select distinct u.id, u.enabled from UserGroupMembershipEntity m join m.user u "
                        + "where m.groupId in (select o.groupId from OrganizationEntity o where o.realmId = :realm "
                        + "and o.enabled = true) and m.membershipType = :managed and u.id > :after order by u.id",
                        Object[].class)
                .setParameter("realm", realmId)
                .setParameter("managed", MembershipType.MANAGED.name())
                .setParameter("after", afterId)
                .setMaxResults(max)
                .getResultStream()
                .map(ManagedMembers::member)
                .toList();
    }

    private static Member member(Object[] row) {
        return new Member((String) row[0], (Boolean) row[1]);
    }
}
