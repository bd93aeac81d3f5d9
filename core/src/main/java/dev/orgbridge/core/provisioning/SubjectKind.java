package dev.orgbridge.core.provisioning;

/**
 * Whose queue a change joins. Changes of one subject are delivered in order and coalesced together; membership
 * changes join the member's (the user's) queue, so a user is created downstream before joining anything. A group's
 * own queue holds the calls a re-sync makes to bring a SCIM target's copy of the group and its members to Keycloak's
 * state ({@link EventType#GROUP_SYNCED}), and the group's deletion ({@link EventType#GROUP_DELETED}).
 */
public enum SubjectKind {
    USER,
    ORGANIZATION,
    GROUP
}
