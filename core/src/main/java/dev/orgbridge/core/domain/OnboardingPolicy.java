package dev.orgbridge.core.domain;

import java.util.Optional;
import java.util.Set;

/**
 * How a realm wants first broker logins mapped to organizations. Validated on construction; every message names
 * the option at fault, so an adapter can show it to the admin as it is.
 *
 * @param unverifiedEmail      what an unverified email leads to
 * @param personalEmail        what a verified personal-mail email leads to
 * @param fallbackOrganization the alias of the organization personal-mail users join; required exactly when
 *                             {@code personalEmail} is {@link PersonalEmailAction#FALLBACK_ORGANIZATION}
 * @param unknownDomain        what a verified corporate email at a domain no organization claims leads to
 * @param idpsAllowedToCreate  aliases of the identity providers trusted to create organizations (with
 *                             {@link UnknownDomainAction#CREATE}); matched exactly
 */
public record OnboardingPolicy(UnverifiedEmailAction unverifiedEmail, PersonalEmailAction personalEmail,
                               Optional<String> fallbackOrganization, UnknownDomainAction unknownDomain,
                               Set<String> idpsAllowedToCreate) {

    public OnboardingPolicy {
        require(unverifiedEmail != null, "unverifiedEmail must be set (DENY or NO_ORGANIZATION)");
        require(personalEmail != null, "personalEmail must be set (DENY, NO_ORGANIZATION or FALLBACK_ORGANIZATION)");
        require(fallbackOrganization != null, "fallbackOrganization must be an Optional, empty when unused");
        require(unknownDomain != null, "unknownDomain must be set (CREATE, DENY or NO_ORGANIZATION)");
        require(idpsAllowedToCreate != null, "idpsAllowedToCreate must be a set, empty when no identity provider may"
                + " create organizations");
        fallbackOrganization = fallbackOrganization.map(String::strip);
        require(fallbackOrganization.map(alias -> !alias.isEmpty()).orElse(true),
                "fallbackOrganization must not be blank");
        if (personalEmail == PersonalEmailAction.FALLBACK_ORGANIZATION) {
            require(fallbackOrganization.isPresent(), "fallbackOrganization (an organization alias) is required"
                    + " when personalEmail is FALLBACK_ORGANIZATION");
        } else {
            require(fallbackOrganization.isEmpty(), "fallbackOrganization is only used when personalEmail is"
                    + " FALLBACK_ORGANIZATION, but personalEmail is " + personalEmail
                    + ": remove fallbackOrganization or change personalEmail");
        }
        for (String alias : idpsAllowedToCreate) {
            require(alias != null && !alias.isBlank(), "idpsAllowedToCreate must not contain a blank identity"
                    + " provider alias");
        }
        idpsAllowedToCreate = Set.copyOf(idpsAllowedToCreate);
    }

    /**
     * The defaults: unverified email denied, personal email without organization, unknown domain without
     * organization, no identity provider allowed to create organizations.
     */
    public static OnboardingPolicy defaults() {
        return new OnboardingPolicy(UnverifiedEmailAction.DEFAULT, PersonalEmailAction.DEFAULT, Optional.empty(),
                UnknownDomainAction.DEFAULT, Set.of());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("Invalid onboarding policy: " + message);
        }
    }
}
