package dev.orgbridge.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.provisioning.Capture.Captured;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How Keycloak's events become provisioning changes: docs/provisioning.md, "Capture". */
class CaptureTest {

    static Stream<Arguments> userEvents() {
        return Stream.of(
                arguments("REGISTER", Map.of(), List.of(new Captured(EventType.USER_CREATED, "u1", null))), // a form
                arguments("REGISTER", Map.of("register_method", "broker", "identity_provider", "acme-oidc"),
                        List.of(new Captured(EventType.USER_CREATED, "u1", "acme-oidc"))), // just in time
                arguments("UPDATE_PROFILE", Map.of(), List.of(new Captured(EventType.USER_UPDATED, "u1", null))),
                arguments("UPDATE_EMAIL", Map.of(), List.of(new Captured(EventType.USER_UPDATED, "u1", null))),
                arguments("DELETE_ACCOUNT", Map.of(), List.of()), // captured before removal, with the username
                arguments("LOGIN", Map.of("identity_provider", "acme-oidc"),
                        List.of(new Captured(EventType.USER_UPDATED, "u1", null))), // Force sync may have changed it
                arguments("LOGIN", Map.of(), List.of()), // a password login changes nothing
                arguments("USER_DISABLED_BY_PERMANENT_LOCKOUT", Map.of("reason", "brute_force_attack detected"),
                        List.of(new Captured(EventType.USER_DISABLED, "u1", null))),
                arguments("USER_DISABLED_BY_TEMPORARY_LOCKOUT", Map.of(), List.of()), // still enabled
                arguments("IDENTITY_PROVIDER_FIRST_LOGIN", Map.of("decision", "joined", "org_id", "o1",
                        "org_created", "false"), List.of(new Captured(EventType.ORGANIZATION_MEMBER_ADDED, "u1", "o1"))),
                arguments("IDENTITY_PROVIDER_FIRST_LOGIN", Map.of("decision", "created", "org_id", "o1",
                        "org_created", "true", "identity_provider", "acme-oidc"),
                        List.of(new Captured(EventType.ORGANIZATION_CREATED, "o1", "acme-oidc"),
                        new Captured(EventType.ORGANIZATION_MEMBER_ADDED, "u1", "o1"))),
                arguments("IDENTITY_PROVIDER_POST_LOGIN", Map.of("decision", "fallback", "org_id", "o2"),
                        List.of(new Captured(EventType.ORGANIZATION_MEMBER_ADDED, "u1", "o2"))),
                arguments("IDENTITY_PROVIDER_POST_LOGIN", Map.of("decision", "already-member", "org_id", "o2"),
                        List.of()),
                arguments("IDENTITY_PROVIDER_FIRST_LOGIN", Map.of("decision", "no-organization"), List.of()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("userEvents")
    void userEventsOfLoginsAndTheAccountConsole(String type, Map<String, String> details, List<Captured> captured) {
        assertEquals(captured, Capture.ofUserEvent(type, "u1", details));
    }

    static Stream<Arguments> adminEvents() {
        return Stream.of(
                arguments("USER", "CREATE", "users/u1", List.of(new Captured(EventType.USER_CREATED, "u1", null))),
                arguments("USER", "UPDATE", "users/u1", List.of(new Captured(EventType.USER_UPDATED, "u1", null))),
                arguments("USER", "DELETE", "users/u1", List.of()), // captured before removal, with the username
                arguments("USER", "ACTION", "users/u1/reset-password", List.of()),
                // from Keycloak's membership events, which IdP mappers and workflows fire too
                arguments("GROUP_MEMBERSHIP", "CREATE", "users/u1/groups/g1", List.of()),
                arguments("GROUP_MEMBERSHIP", "DELETE", "users/u1/groups/g1", List.of()),
                arguments("ORGANIZATION", "CREATE", "organizations/o1",
                        List.of(new Captured(EventType.ORGANIZATION_CREATED, "o1", null))),
                arguments("ORGANIZATION", "DELETE", "organizations/o1", List.of()), // from the removal event
                arguments("ORGANIZATION_MEMBERSHIP", "CREATE", "organizations/o1/members/u1",
                        List.of(new Captured(EventType.ORGANIZATION_MEMBER_ADDED, "u1", "o1"))),
                arguments("ORGANIZATION_MEMBERSHIP", "DELETE", "organizations/o1/members/u1",
                        List.of(new Captured(EventType.ORGANIZATION_MEMBER_REMOVED, "u1", "o1"))),
                arguments("REALM_ROLE_MAPPING", "CREATE", "users/u1/role-mappings/realm", List.of()),
                arguments("CLIENT", "UPDATE", "clients/c1", List.of()));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("adminEvents")
    void adminEventsOfTheConsoleTheApiAndOrgbridge(String resource, String operation, String path,
                                                   List<Captured> captured) {
        assertEquals(captured, Capture.ofAdminEvent(resource, operation, path));
    }

    static Stream<Arguments> updates() {
        return Stream.of(
                arguments(true, true, EventType.USER_UPDATED),
                arguments(false, false, EventType.USER_UPDATED),
                arguments(true, false, EventType.USER_DISABLED),
                arguments(false, true, EventType.USER_ENABLED));
    }

    @ParameterizedTest(name = "enabled {0} -> {1}: {2}")
    @MethodSource("updates")
    void anUpdateIsTypedByTheEnabledFlagBeforeAndAfter(boolean was, boolean now, EventType type) {
        assertEquals(new Captured(type, "u1", null), Capture.userUpdate("u1", was, now));
    }

    static Stream<Arguments> managedMembersOfAnOrganization() {
        return Stream.of(
                // user enabled, organization enabled before -> after
                arguments(true, true, false, List.of(new Captured(EventType.USER_DISABLED, "u1", null))),
                arguments(true, false, true, List.of(new Captured(EventType.USER_ENABLED, "u1", null))),
                arguments(true, true, true, List.of()), // renamed, say: the member stays as it was
                arguments(true, false, false, List.of()),
                // the member's own flag keeps it disabled whatever the organization does
                arguments(false, true, false, List.of()),
                arguments(false, false, true, List.of()));
    }

    @ParameterizedTest(name = "user enabled {0}, organization enabled {1} -> {2}")
    @MethodSource("managedMembersOfAnOrganization")
    void disablingOrEnablingAnOrganizationDisablesOrEnablesItsManagedMembers(boolean userEnabled, boolean was,
                                                                             boolean now, List<Captured> captured) {
        assertEquals(captured, Capture.managedMember("u1", userEnabled, was, now));
        assertEquals(was != now, Capture.changesManagedMembers(was, now));
    }

    static Stream<Arguments> realmUpdates() {
        return Stream.of(
                arguments("REALM", "UPDATE", true), // perhaps the Organizations switch
                arguments("REALM", "CREATE", false),
                arguments("ORGANIZATION", "UPDATE", false), // the organization's own flag, above
                arguments("USER", "UPDATE", false));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("realmUpdates")
    void aRealmUpdateMayTurnOrganizationsOnOrOff(String resource, String operation, boolean may) {
        assertEquals(may, Capture.mayTurnOrganizationsOnOrOff(resource, operation));
    }

    static Stream<Arguments> groupMemberships() {
        return Stream.of(
                arguments("REALM", true, List.of(new Captured(EventType.GROUP_MEMBER_ADDED, "u1", "g1"))),
                arguments("REALM", false, List.of(new Captured(EventType.GROUP_MEMBER_REMOVED, "u1", "g1"))),
                // an organization's internal group is its membership, captured as such
                arguments("ORGANIZATION", true, List.of()),
                arguments("ORGANIZATION", false, List.of()));
    }

    @ParameterizedTest(name = "{0} joined {1}")
    @MethodSource("groupMemberships")
    void groupMembershipEventsOfEveryPath(String groupType, boolean joined, List<Captured> captured) {
        assertEquals(captured, Capture.ofGroupMembership(groupType, joined, "u1", "g1"));
    }

    static Stream<Arguments> groupDeletions() {
        return Stream.of(
                arguments("REALM", List.of(new Captured(EventType.GROUP_DELETED, "g1", null))),
                // an organization's internal group goes with its organization
                arguments("ORGANIZATION", List.of()));
    }

    @ParameterizedTest(name = "{0} group deleted")
    @MethodSource("groupDeletions")
    void aDeletedRealmGroupIsCaptured(String groupType, List<Captured> captured) {
        assertEquals(captured, Capture.ofGroupDeletion(groupType, "g1"));
    }

    static Stream<Arguments> workflowSteps() {
        return Stream.of(
                arguments("disable-user", "USERS", List.of(new Captured(EventType.USER_DISABLED, "u1", null))),
                arguments("set-user-attribute", "USERS", List.of(new Captured(EventType.USER_UPDATED, "u1", null))),
                arguments("remove-user-attribute", "USERS",
                        List.of(new Captured(EventType.USER_UPDATED, "u1", null))),
                arguments("delete-user", "USERS", List.of()), // captured before removal, with the username
                arguments("join-group", "USERS", List.of()), // from the group membership event
                arguments("leave-group", "USERS", List.of()),
                arguments("notify-user", "USERS", List.of()),
                arguments("grant-role", "USERS", List.of()),
                arguments("disable-client", "CLIENTS", List.of()),
                arguments("disable-user", "CLIENTS", List.of()));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("workflowSteps")
    void stepsOfKeycloakWorkflows(String step, String resourceType, List<Captured> captured) {
        assertEquals(captured, Capture.ofWorkflowStep(step, resourceType, "u1"));
    }
}
