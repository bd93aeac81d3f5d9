package dev.orgbridge.core.mapping;

/**
 * Why a mapper stops a login. Each carries the error code of the Keycloak event and the login theme's message key;
 * both are stable, as admins search events and translate messages by them.
 */
public enum MappingDenial {
    /** Several values where the mapper expects one, and its policy denies that. */
    SEVERAL_VALUES("orgbridge_several_values", "orgbridgeSeveralValues"),
    /** A value names no group in the mapper's scope, and its policy denies that. */
    UNKNOWN_GROUP("orgbridge_unknown_group", "orgbridgeUnknownGroup"),
    /** A value is not in the role allow-list, and the policy denies that. */
    UNKNOWN_ROLE("orgbridge_unknown_role", "orgbridgeUnknownRole");

    private final String errorCode;
    private final String messageKey;

    MappingDenial(String errorCode, String messageKey) {
        this.errorCode = errorCode;
        this.messageKey = messageKey;
    }

    /** The error of the Keycloak event, e.g. {@code orgbridge_unknown_role}. */
    public String errorCode() {
        return errorCode;
    }

    /** The login theme's message key, e.g. {@code orgbridgeUnknownRole}. */
    public String messageKey() {
        return messageKey;
    }
}
