package dev.orgbridge.core.mapping;

/** What a role mapper does with a value that is not in its allow-list. Default: {@link #DEFAULT_ROLE}. */
public enum UnknownRoleAction {
    /** Grant the default role and report the value in a warning event. */
    DEFAULT_ROLE,
    /** Stop the login. */
    DENY;

    public static final UnknownRoleAction DEFAULT = DEFAULT_ROLE;
}
