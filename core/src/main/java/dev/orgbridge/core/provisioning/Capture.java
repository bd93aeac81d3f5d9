package dev.orgbridge.core.provisioning;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which provisioning changes a Keycloak event stands for: the one place that knows how Keycloak reports a change, so
 * the listener only writes what this answers to the outbox. Events that change nothing downstream answer none.
 */
public final class Capture {

    /**
     * A change to deliver.
     *
     * @param subjectId the user or organization it is about
     * @param relatedId the organization or group a membership change joins or leaves; for a user or organization
     *                  created by a login through an identity provider (just in time), that provider's alias (the
     *                  notification mails name it and mail only such users); null otherwise
     */
    public record Captured(EventType type, String subjectId, String relatedId) {
    }

    /** The detail Keycloak's login events name the identity provider with. */
    private static final String IDENTITY_PROVIDER = "identity_provider";
    private static final Set<String> JOINING_DECISIONS = Set.of("joined", "created", "fallback");
    private static final String REALM_GROUP = "REALM";
    private static final String WORKFLOW_USERS = "USERS";

    private Capture() {
    }

    /**
     * A user event of a login or of the account console.
     *
     * @param details the event's details; Orgbridge's onboarding events carry {@code decision}, {@code org_id} and
     *                {@code org_created}, and every event of a broker login {@code identity_provider}
     */
    public static List<Captured> ofUserEvent(String type, String userId, Map<String, String> details) {
        if (userId == null) {
            return List.of();
        }
        return switch (type) {
            // a broker login's REGISTER carries the identity provider (register_method=broker); a registration
            // form's does not
            case "REGISTER" -> List.of(new Captured(EventType.USER_CREATED, userId, details.get(IDENTITY_PROVIDER)));
            case "UPDATE_PROFILE", "UPDATE_EMAIL", "VERIFY_EMAIL" ->
                    List.of(new Captured(EventType.USER_UPDATED, userId, null));
            case "IDENTITY_PROVIDER_FIRST_LOGIN", "IDENTITY_PROVIDER_POST_LOGIN" -> onboarding(userId, details);
            // a brokered login may have updated the profile (sync mode Force) without any event of its own; the
            // worker reads the state and sends nothing when it is unchanged
            case "LOGIN" -> details.containsKey(IDENTITY_PROVIDER)
                    ? List.of(new Captured(EventType.USER_UPDATED, userId, null)) : List.of();
            // brute-force protection disabled the account for good (a temporary lockout leaves it enabled)
            case "USER_DISABLED_BY_PERMANENT_LOCKOUT" -> List.of(new Captured(EventType.USER_DISABLED, userId, null));
            default -> List.of();
        };
    }

    private static List<Captured> onboarding(String userId, Map<String, String> details) {
        String organization = details.get("org_id");
        if (organization == null || !JOINING_DECISIONS.contains(details.get("decision"))) {
            return List.of();
        }
        Captured joined = new Captured(EventType.ORGANIZATION_MEMBER_ADDED, userId, organization);
        return "true".equals(details.get("org_created"))
                ? List.of(new Captured(EventType.ORGANIZATION_CREATED, organization, details.get(IDENTITY_PROVIDER)),
                        joined)
                : List.of(joined);
    }

    /**
     * An admin event (admin console, admin REST, or Orgbridge's mappers and import, which report the same way). Group
     * joins and leaves are captured from Keycloak's membership events instead ({@link #ofGroupMembership}), which
     * every way of joining fires, IdP mappers and workflows included.
     */
    public static List<Captured> ofAdminEvent(String resourceType, String operation, String resourcePath) {
        String[] path = resourcePath == null ? new String[0] : resourcePath.split("/");
        return switch (resourceType) {
            case "USER" -> user(operation, path);
            case "ORGANIZATION" -> organization(operation, path);
            case "ORGANIZATION_MEMBERSHIP" -> organizationMembership(operation, path);
            default -> List.of();
        };
    }

    /**
     * An update of a user, typed by the enabled flag before and after it: receivers act on a disable (deprovision) and
     * an enable (restore). The call carries the whole current user either way, so other fields changed with the flag
     * reach the target too.
     */
    public static Captured userUpdate(String userId, boolean wasEnabled, boolean enabled) {
        EventType type = wasEnabled == enabled ? EventType.USER_UPDATED
                : enabled ? EventType.USER_ENABLED : EventType.USER_DISABLED;
        return new Captured(type, userId, null);
    }

    /**
     * Whether an update of an organization changes what its managed members are: Keycloak presents the managed
     * members of a disabled organization as disabled (no login, no token refresh), so disabling or enabling it
     * disables or enables them, without an event of their own. The same holds for the realm's Organizations switch
     * and the managed members of all its enabled organizations.
     */
    public static boolean changesManagedMembers(boolean organizationWasEnabled, boolean organizationEnabled) {
        return organizationWasEnabled != organizationEnabled;
    }

    /**
     * Whether an admin event may have turned the realm's Organizations on or off: a realm update. Keycloak presents
     * every managed member of the realm as disabled while they are off, so the listener then compares the switch
     * before and after ({@link #changesManagedMembers}).
     */
    public static boolean mayTurnOrganizationsOnOrOff(String resourceType, String operation) {
        return "REALM".equals(resourceType) && "UPDATE".equals(operation);
    }

    /**
     * What one managed member of an organization that was disabled or enabled (or of any enabled organization of a
     * realm whose Organizations were turned off or on) learns: {@code user.disabled} or
     * {@code user.enabled}, as an admin's toggle of the user would say. A member whose own flag is off is disabled
     * either way, so nothing changes for it. Unmanaged members keep their state (Keycloak only presents managed
     * members as disabled).
     *
     * @param userEnabled the member's own enabled flag
     */
    public static List<Captured> managedMember(String userId, boolean userEnabled, boolean organizationWasEnabled,
                                               boolean organizationEnabled) {
        if (!userEnabled || !changesManagedMembers(organizationWasEnabled, organizationEnabled)) {
            return List.of();
        }
        return List.of(new Captured(organizationEnabled ? EventType.USER_ENABLED : EventType.USER_DISABLED, userId,
                null));
    }

    /**
     * A group removed in Keycloak (its subgroups are reported one by one): {@code group.deleted} for a realm group; an
     * organization's internal group is its membership, and goes with the organization.
     */
    public static List<Captured> ofGroupDeletion(String groupType, String groupId) {
        return REALM_GROUP.equals(groupType) ? List.of(new Captured(EventType.GROUP_DELETED, groupId, null))
                : List.of();
    }

    /**
     * A user joined or left a group (Keycloak's group membership events, whoever made the change: an admin, an IdP
     * mapper at login, a workflow step, Orgbridge). Only realm groups: an organization's internal groups are its
     * membership, reported as organization membership.
     *
     * @param groupType Keycloak's group type, {@code REALM} or {@code ORGANIZATION}
     */
    public static List<Captured> ofGroupMembership(String groupType, boolean joined, String userId, String groupId) {
        if (!REALM_GROUP.equals(groupType)) {
            return List.of();
        }
        return List.of(new Captured(joined ? EventType.GROUP_MEMBER_ADDED : EventType.GROUP_MEMBER_REMOVED, userId,
                groupId));
    }

    /**
     * A step of Keycloak Workflows that ran on a resource. A workflow changes users without admin or user events;
     * Keycloak reports each step after it committed. Deleting, joining and leaving steps are captured from the
     * model events they fire, like any other deletion or membership change.
     *
     * @param resourceType Keycloak's workflow resource type ({@code USERS}, {@code CLIENTS})
     */
    public static List<Captured> ofWorkflowStep(String stepProviderId, String resourceType, String resourceId) {
        if (!WORKFLOW_USERS.equals(resourceType) || resourceId == null) {
            return List.of();
        }
        return switch (stepProviderId) {
            case "disable-user" -> List.of(new Captured(EventType.USER_DISABLED, resourceId, null));
            case "set-user-attribute", "remove-user-attribute" ->
                    List.of(new Captured(EventType.USER_UPDATED, resourceId, null));
            default -> List.of();
        };
    }

    /**
     * {@code users/{id}}: created, updated (an update that enables or disables is typed by {@link #userUpdate}).
     * Deletions are captured from Keycloak's pre-removal event instead, for every way a user is deleted, while the
     * username is still known.
     */
    private static List<Captured> user(String operation, String[] path) {
        if (path.length != 2 || !path[0].equals("users")) {
            return List.of();
        }
        EventType type = switch (operation) {
            case "CREATE" -> EventType.USER_CREATED;
            case "UPDATE" -> EventType.USER_UPDATED;
            default -> null;
        };
        return type == null ? List.of() : List.of(new Captured(type, path[1], null));
    }

    /** {@code organizations/{id}}: created, updated. Deletions come from Keycloak's removal event, as for users. */
    private static List<Captured> organization(String operation, String[] path) {
        if (path.length != 2 || !path[0].equals("organizations")) {
            return List.of();
        }
        EventType type = switch (operation) {
            case "CREATE" -> EventType.ORGANIZATION_CREATED;
            case "UPDATE" -> EventType.ORGANIZATION_UPDATED;
            default -> null;
        };
        return type == null ? List.of() : List.of(new Captured(type, path[1], null));
    }

    /** {@code organizations/{organization}/members/{user}}: the user joined or left. */
    private static List<Captured> organizationMembership(String operation, String[] path) {
        if (path.length != 4) {
            return List.of();
        }
        EventType type = switch (operation) {
            case "CREATE" -> EventType.ORGANIZATION_MEMBER_ADDED;
            case "DELETE" -> EventType.ORGANIZATION_MEMBER_REMOVED;
            default -> null;
        };
        return type == null ? List.of() : List.of(new Captured(type, path[3], path[1]));
    }
}
