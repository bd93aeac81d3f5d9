package dev.orgbridge.core.provisioning.scim;

/** What a SCIM target does with a user deleted in Keycloak. */
public enum DeprovisionMode {
    /** {@code active=false}: the downstream account stays (its data, its audit trail) but cannot sign in. */
    DEACTIVATE,
    /** The downstream account is deleted. */
    DELETE
}
