package dev.orgbridge.support.organization;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.idm.MembershipType;

/**
 * The managed members whose state an organization's enabled flag (or the realm's Organizations switch) decides, with
 * their own enabled flag, a page at a time, read as plain values in one statement per page: no user is loaded into
 * the session, so an organization of any size costs one page of memory. Keycloak's user lookups present a managed
 * member of a disabled organization as disabled; this reads the flag the member itself has. A member also managed by
 * another, disabled, organization is left out: it stays disabled whatever this one does.
 */
public final class ManagedMembers {

    /** One managed member: its id and its own enabled flag. */
    public record Member(String id, boolean enabled) {
    }

    private static final String MEMBERS = "select distinct u.id, u.enabled from UserGroupMembershipEntity m "
            + "join m.user u where m.membershipType = :managed and u.id > :after and ";
    private static final String HELD_BY_NO_OTHER_DISABLED_ORGANIZATION = " and not exists (select d.groupId "
            + "from UserGroupMembershipEntity d, OrganizationEntity x where d.user = u and d.membershipType = :managed "
            + "and d.groupId = x.groupId and x.enabled = false and x.id <> :organization) order by u.id";

    /** No organization's own flag is set aside (no organization has an empty id). */
    private static final String NONE = "";

    private final EntityManager em;

    public ManagedMembers(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /**
     * The organization's managed members whose id sorts after {@code afterId} (empty for the first page), by id, at
     * most {@code max}.
     */
    public List<Member> after(String organizationId, String afterId, int max) {
        return page(MEMBERS + "m.groupId = (select o.groupId from OrganizationEntity o where o.id = :organization)"
                        + HELD_BY_NO_OTHER_DISABLED_ORGANIZATION,
                Map.of("organization", organizationId, "after", afterId), max);
    }

    /**
     * The managed members of the realm's enabled organizations whose id sorts after {@code afterId}, by id, at most
     * {@code max}: those the realm's Organizations switch disables and enables.
     */
    public List<Member> ofEnabledOrganizations(String realmId, String afterId, int max) {
        return page(MEMBERS + "m.groupId in (select o.groupId from OrganizationEntity o where o.realmId = :realm "
                        + "and o.enabled = true)" + HELD_BY_NO_OTHER_DISABLED_ORGANIZATION,
                Map.of("realm", realmId, "organization", NONE, "after", afterId), max);
    }

    private List<Member> page(String query, Map<String, String> parameters, int max) {
        TypedQuery<Object[]> select = em.createQuery(query, Object[].class)
                .setParameter("managed", MembershipType.MANAGED.name())
                .setMaxResults(max);
        parameters.forEach(select::setParameter);
        return select.getResultStream()
                .map(row -> new Member((String) row[0], (Boolean) row[1]))
                .toList();
    }
}
