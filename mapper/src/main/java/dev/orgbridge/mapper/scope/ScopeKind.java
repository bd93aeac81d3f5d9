package dev.orgbridge.mapper.scope;

/** Where a mapper's groups live. */
public enum ScopeKind {
    /** The children of one realm group, such as {@code /teams}. */
    REALM_GROUP,
    /** The groups of the user's organization (Keycloak organization groups). */
    ORGANIZATION
}
