package dev.orgbridge.core.domain;

/** What happens for a verified email at a personal-mail domain. Default: {@link #NO_ORGANIZATION}. */
public enum PersonalEmailAction {
    /** Stop the login: this realm serves corporate accounts only. */
    DENY,
    /** Let the user in without an organization. */
    NO_ORGANIZATION,
    /** Put the user in the organization named by {@code OnboardingPolicy.fallbackOrganization}. */
    FALLBACK_ORGANIZATION;

    public static final PersonalEmailAction DEFAULT = NO_ORGANIZATION;
}
