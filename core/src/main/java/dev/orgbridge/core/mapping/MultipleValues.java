package dev.orgbridge.core.mapping;

/** What a mapper does when the identity provider sends several values for its attribute. */
public enum MultipleValues {
    /** Map every value (groups only). */
    ALL,
    /** Map the first value; the others are reported in a warning. */
    FIRST,
    /** Stop the login: the identity provider must send one value. */
    DENY;
}
