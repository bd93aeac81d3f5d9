package dev.orgbridge.core.mapping;

/** What a group mapper does with a value that names no group in its scope. Default: {@link #IGNORE}. */
public enum UnknownGroupAction {
    /** Map nothing for the value and report it in a warning event. */
    IGNORE,
    /** Create the group inside the scope and add the user. */
    CREATE,
    /** Stop the login. */
    DENY;

    public static final UnknownGroupAction DEFAULT = IGNORE;
}
