package dev.orgbridge.core.provisioning;

/**
 * Whose queue a change joins. Changes of one subject are delivered in order and coalesced together; membership
 * changes join the member's (the user's) queue, so a user is created downstream before joining anything.
 */
public enum SubjectKind {
    USER,
    ORGANIZATION
}
