package dev.orgbridge.core.provisioning.scim;

/** Which Keycloak field becomes the SCIM {@code userName}. */
public enum UserNameSource {
    USERNAME,
    /** The email, or the username for a user without one (a SCIM user cannot go without a userName). */
    EMAIL
}
