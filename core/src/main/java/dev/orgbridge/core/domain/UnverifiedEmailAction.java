package dev.orgbridge.core.domain;

/** What happens when the identity provider does not vouch for the email. Default: {@link #DENY}. */
public enum UnverifiedEmailAction {
    /** Stop the login: an unverified domain proves nothing. */
    DENY,
    /** Let the user in without an organization. */
    NO_ORGANIZATION;

    public static final UnverifiedEmailAction DEFAULT = DENY;
}
