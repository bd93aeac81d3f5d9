package dev.orgbridge.core.domain;

/** What happens for a verified corporate email whose domain no organization claims. Default: {@link #NO_ORGANIZATION}. */
public enum UnknownDomainAction {
    /** Create an organization for the domain, if the login's identity provider may create organizations. */
    CREATE,
    /** Stop the login: only registered organizations may sign in. */
    DENY,
    /** Let the user in without an organization. */
    NO_ORGANIZATION;

    public static final UnknownDomainAction DEFAULT = NO_ORGANIZATION;
}
