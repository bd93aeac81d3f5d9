package dev.orgbridge.core.domain;

/**
 * Why a login is stopped. Each carries the error code Keycloak events record and the message key the login theme
 * shows; both are stable, as admins search events and translate messages by them.
 */
public enum Denial {
    /** The identity provider sent no email. */
    EMAIL_MISSING("orgbridge_email_missing", "orgbridgeEmailMissing"),
    /** The email does not parse. */
    EMAIL_MALFORMED("orgbridge_email_malformed", "orgbridgeEmailMalformed"),
    /** The identity provider does not vouch for the email, and the policy denies such logins. */
    EMAIL_UNVERIFIED("orgbridge_email_unverified", "orgbridgeEmailUnverified"),
    /** A personal-mail email, and the policy denies such logins. */
    PERSONAL_EMAIL("orgbridge_personal_email", "orgbridgePersonalEmail"),
    /** The domain belongs to an organization that does not trust this identity provider (anti-takeover). */
    IDP_NOT_TRUSTED_FOR_DOMAIN("orgbridge_idp_not_trusted_for_domain", "orgbridgeIdpNotTrustedForDomain"),
    /** No organization claims the domain, and the policy admits registered organizations only. */
    ORGANIZATION_NOT_REGISTERED("orgbridge_organization_not_registered", "orgbridgeOrganizationNotRegistered"),
    /** No organization claims the domain, and this identity provider may not create one. */
    IDP_MAY_NOT_CREATE_ORGANIZATION("orgbridge_idp_may_not_create_organization",
            "orgbridgeIdpMayNotCreateOrganization"),
    /** No account exists, and the realm admits existing users only (decided by the adapter). */
    NO_ACCOUNT("orgbridge_no_account", "orgbridgeNoAccount");

    private final String errorCode;
    private final String messageKey;

    Denial(String errorCode, String messageKey) {
        this.errorCode = errorCode;
        this.messageKey = messageKey;
    }

    /** The error of the Keycloak event, e.g. {@code orgbridge_email_unverified}. */
    public String errorCode() {
        return errorCode;
    }

    /** The login theme's message key, e.g. {@code orgbridgeEmailUnverified}. */
    public String messageKey() {
        return messageKey;
    }
}
