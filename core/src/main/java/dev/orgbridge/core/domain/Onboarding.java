package dev.orgbridge.core.domain;

import dev.orgbridge.core.domain.OrganizationDecision.Create;
import dev.orgbridge.core.domain.OrganizationDecision.Deny;
import dev.orgbridge.core.domain.OrganizationDecision.Join;
import dev.orgbridge.core.domain.OrganizationDecision.JoinFallback;
import dev.orgbridge.core.domain.OrganizationDecision.NoOrganization;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what a first broker login does about organizations. A pure function: same inputs, same decision.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>{@code Missing} → deny {@link Denial#EMAIL_MISSING}; {@code Malformed} → deny {@link Denial#EMAIL_MALFORMED}.</li>
 *   <li>{@code Unverified} → {@link OnboardingPolicy#unverifiedEmail()}: deny {@link Denial#EMAIL_UNVERIFIED}, or
 *       no organization ({@code unverified-email}).</li>
 *   <li>{@code Personal} → {@link OnboardingPolicy#personalEmail()}: deny {@link Denial#PERSONAL_EMAIL}, no
 *       organization ({@code personal-email}), or join the fallback organization.</li>
 *   <li>{@code Corporate}, an organization owns the domain → join it if it trusts the login's identity provider,
 *       else deny {@link Denial#IDP_NOT_TRUSTED_FOR_DOMAIN}: an identity provider may only assert domains it is
 *       trusted for (no account takeover by a provider that merely claims someone else's domain).</li>
 *   <li>{@code Corporate}, no organization owns the domain → {@link OnboardingPolicy#unknownDomain()}: create one
 *       if the identity provider is in {@link OnboardingPolicy#idpsAllowedToCreate()} (else deny
 *       {@link Denial#IDP_MAY_NOT_CREATE_ORGANIZATION}), deny {@link Denial#ORGANIZATION_NOT_REGISTERED}, or no
 *       organization ({@code unknown-domain}).</li>
 * </ol>
 */
public final class Onboarding {

    private static final Deny EMAIL_MISSING = new Deny(Denial.EMAIL_MISSING);
    private static final Deny EMAIL_MALFORMED = new Deny(Denial.EMAIL_MALFORMED);
    private static final Deny EMAIL_UNVERIFIED = new Deny(Denial.EMAIL_UNVERIFIED);
    private static final Deny PERSONAL_EMAIL = new Deny(Denial.PERSONAL_EMAIL);
    private static final Deny IDP_NOT_TRUSTED = new Deny(Denial.IDP_NOT_TRUSTED_FOR_DOMAIN);
    private static final Deny NOT_REGISTERED = new Deny(Denial.ORGANIZATION_NOT_REGISTERED);
    private static final Deny MAY_NOT_CREATE = new Deny(Denial.IDP_MAY_NOT_CREATE_ORGANIZATION);
    private static final NoOrganization UNVERIFIED = new NoOrganization(NoOrganization.UNVERIFIED_EMAIL);
    private static final NoOrganization PERSONAL = new NoOrganization(NoOrganization.PERSONAL_EMAIL);
    private static final NoOrganization UNKNOWN = new NoOrganization(NoOrganization.UNKNOWN_DOMAIN);

    private Onboarding() {
    }

    /**
     * @param email            the asserted email, classified ({@link EmailCheck#of})
     * @param organization     what the directory found for a {@code Corporate} email's domain; empty otherwise (it is
     *                         ignored for any other kind of email)
     * @param idpAlias         the alias of the identity provider of this login
     * @param organizationName the identity provider's company/organization claim, if any (trimmed; blank = absent)
     * @param policy           the realm's policy
     */
    public static OrganizationDecision decide(EmailCheck email, Optional<KnownOrganization> organization,
                                              String idpAlias, Optional<String> organizationName,
                                              OnboardingPolicy policy) {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(idpAlias, "idpAlias");
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(policy, "policy");

        if (email instanceof EmailCheck.Corporate corporate) {
            EmailDomain domain = corporate.email().domain();
            if (organization.isPresent()) {
                KnownOrganization owner = organization.get();
                return owner.trustedIdps().contains(idpAlias) ? new Join(owner, domain) : IDP_NOT_TRUSTED;
            }
            return switch (policy.unknownDomain()) {
                case CREATE -> policy.idpsAllowedToCreate().contains(idpAlias)
                        ? new Create(OrganizationNaming.name(organizationName, domain),
                                OrganizationNaming.alias(domain), domain)
                        : MAY_NOT_CREATE;
                case DENY -> NOT_REGISTERED;
                case NO_ORGANIZATION -> UNKNOWN;
            };
        }
        if (email instanceof EmailCheck.Personal) {
            return switch (policy.personalEmail()) {
                case DENY -> PERSONAL_EMAIL;
                case NO_ORGANIZATION -> PERSONAL;
                case FALLBACK_ORGANIZATION -> new JoinFallback(policy.fallbackOrganization().orElseThrow());
            };
        }
        if (email instanceof EmailCheck.Unverified) {
            return switch (policy.unverifiedEmail()) {
                case DENY -> EMAIL_UNVERIFIED;
                case NO_ORGANIZATION -> UNVERIFIED;
            };
        }
        if (email instanceof EmailCheck.Malformed) {
            return EMAIL_MALFORMED;
        }
        if (email instanceof EmailCheck.Missing) {
            return EMAIL_MISSING;
        }
        throw new IllegalStateException("Unknown kind of EmailCheck: " + email.getClass().getName());
    }
}
