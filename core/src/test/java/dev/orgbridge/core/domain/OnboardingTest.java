package dev.orgbridge.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.domain.OrganizationDecision.Create;
import dev.orgbridge.core.domain.OrganizationDecision.Deny;
import dev.orgbridge.core.domain.OrganizationDecision.Join;
import dev.orgbridge.core.domain.OrganizationDecision.JoinFallback;
import dev.orgbridge.core.domain.OrganizationDecision.NoOrganization;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The decision table of docs/domains.md, row by row. */
class OnboardingTest {

    private static final IgnoredDomains IGNORED = IgnoredDomains.builtIn();

    // The email, classified.
    private static final EmailCheck MISSING = EmailCheck.of(null, true, IGNORED);
    private static final EmailCheck MALFORMED = EmailCheck.of("alice.acme.com", true, IGNORED);
    private static final EmailCheck UNVERIFIED = EmailCheck.of("bob@acme.com", false, IGNORED);
    private static final EmailCheck PERSONAL = EmailCheck.of("dan@gmail.com", true, IGNORED);
    private static final EmailCheck CORPORATE = EmailCheck.of("alice@ACME.com", true, IGNORED);
    private static final EmailCheck CORPORATE_IDN = EmailCheck.of("jörg@Bücher.de", true, IGNORED);

    // The identity provider of the login.
    private static final String ACME_IDP = "acme-oidc";
    private static final String OTHER_IDP = "globex-saml";

    // What the directory found for the domain.
    private static final KnownOrganization ACME = new KnownOrganization("7f1c", "acme", Set.of(ACME_IDP));
    private static final Optional<KnownOrganization> NONE = Optional.empty();

    private static final EmailDomain ACME_COM = EmailDomain.parse("acme.com");
    private static final EmailDomain BUECHER_DE = EmailDomain.parse("bücher.de");

    private static OnboardingPolicy policy(UnverifiedEmailAction unverified, PersonalEmailAction personal,
                                           UnknownDomainAction unknown) {
        Optional<String> fallback = personal == PersonalEmailAction.FALLBACK_ORGANIZATION
                ? Optional.of("everyone") : Optional.empty();
        return new OnboardingPolicy(unverified, personal, fallback, unknown, Set.of(ACME_IDP));
    }

    private static final OnboardingPolicy DEFAULTS = OnboardingPolicy.defaults();
    private static final OnboardingPolicy LENIENT = policy(UnverifiedEmailAction.NO_ORGANIZATION,
            PersonalEmailAction.FALLBACK_ORGANIZATION, UnknownDomainAction.CREATE);
    private static final OnboardingPolicy STRICT = policy(UnverifiedEmailAction.DENY, PersonalEmailAction.DENY,
            UnknownDomainAction.DENY);
    private static final OnboardingPolicy CREATE = policy(UnverifiedEmailAction.DENY,
            PersonalEmailAction.NO_ORGANIZATION, UnknownDomainAction.CREATE);
    private static final OnboardingPolicy OTHER_IDP_MAY_CREATE = new OnboardingPolicy(UnverifiedEmailAction.DENY,
            PersonalEmailAction.NO_ORGANIZATION, Optional.empty(), UnknownDomainAction.CREATE, Set.of(OTHER_IDP));
    private static final OnboardingPolicy UNKNOWN_NO_ORG = policy(UnverifiedEmailAction.DENY,
            PersonalEmailAction.NO_ORGANIZATION, UnknownDomainAction.NO_ORGANIZATION);

    private static Deny deny(Denial denial) {
        return new Deny(denial);
    }

    private static Arguments row(String rule, EmailCheck email, OnboardingPolicy policy,
                                 Optional<KnownOrganization> organization, String idp, Optional<String> claim,
                                 OrganizationDecision decision) {
        return arguments(rule, email, policy, organization, idp, claim, decision);
    }

    private static Arguments row(String rule, EmailCheck email, OnboardingPolicy policy,
                                 Optional<KnownOrganization> organization, String idp, OrganizationDecision decision) {
        return row(rule, email, policy, organization, idp, Optional.empty(), decision);
    }

    static Stream<Arguments> decisions() {
        Optional<KnownOrganization> acme = Optional.of(ACME);
        return Stream.of(
                // rule, then: email, policy, what the directory found, the login's IdP, [organization claim], decision
                row("no email: denied, whatever the policy", MISSING, DEFAULTS, NONE, ACME_IDP,
                        deny(Denial.EMAIL_MISSING)),
                row("no email: denied, even when lenient", MISSING, LENIENT, NONE, ACME_IDP,
                        deny(Denial.EMAIL_MISSING)),
                row("malformed email: denied", MALFORMED, DEFAULTS, NONE, ACME_IDP,
                        deny(Denial.EMAIL_MALFORMED)),
                row("malformed email: denied, even when lenient", MALFORMED, LENIENT, NONE, ACME_IDP,
                        deny(Denial.EMAIL_MALFORMED)),

                row("unverified, DENY (default)", UNVERIFIED, DEFAULTS, NONE, ACME_IDP,
                        deny(Denial.EMAIL_UNVERIFIED)),
                row("unverified, NO_ORGANIZATION", UNVERIFIED, LENIENT, NONE, ACME_IDP,
                        new NoOrganization("unverified-email")),
                row("unverified, NO_ORGANIZATION: a known domain does not help", UNVERIFIED, LENIENT, acme,
                        ACME_IDP, new NoOrganization("unverified-email")),

                row("personal, NO_ORGANIZATION (default)", PERSONAL, DEFAULTS, NONE, ACME_IDP,
                        new NoOrganization("personal-email")),
                row("personal, DENY", PERSONAL, STRICT, NONE, ACME_IDP,
                        deny(Denial.PERSONAL_EMAIL)),
                row("personal, FALLBACK_ORGANIZATION", PERSONAL, LENIENT, NONE, ACME_IDP,
                        new JoinFallback("everyone")),

                row("corporate, organization trusts the IdP: join", CORPORATE, DEFAULTS, acme, ACME_IDP,
                        new Join(ACME, ACME_COM)),
                row("corporate, organization trusts the IdP: join, whatever unknownDomain says", CORPORATE,
                        STRICT, acme, ACME_IDP, new Join(ACME, ACME_COM)),
                row("corporate, organization does not trust the IdP: denied (anti-takeover)", CORPORATE,
                        DEFAULTS, acme, OTHER_IDP, deny(Denial.IDP_NOT_TRUSTED_FOR_DOMAIN)),
                row("corporate, organization does not trust the IdP: denied, even one that may create", CORPORATE,
                        OTHER_IDP_MAY_CREATE, acme, OTHER_IDP, deny(Denial.IDP_NOT_TRUSTED_FOR_DOMAIN)),

                row("corporate, unknown domain, CREATE, IdP may create: create from the claim", CORPORATE, CREATE,
                        NONE, ACME_IDP, Optional.of("  Acme Corporation "),
                        new Create("Acme Corporation", "acme-com", ACME_COM)),
                row("corporate, unknown domain, CREATE, no claim: named after the domain", CORPORATE, CREATE, NONE,
                        ACME_IDP, new Create("acme.com", "acme-com", ACME_COM)),
                row("corporate, unknown domain, CREATE, blank claim: named after the domain", CORPORATE, CREATE,
                        NONE, ACME_IDP, Optional.of(" \t "), new Create("acme.com", "acme-com", ACME_COM)),
                row("corporate, unknown IDN domain, CREATE: Unicode name, ASCII alias", CORPORATE_IDN, CREATE, NONE,
                        ACME_IDP, new Create("bücher.de", "xn--bcher-kva-de", BUECHER_DE)),
                row("corporate, unknown domain, CREATE, IdP may not create: denied", CORPORATE, CREATE, NONE,
                        OTHER_IDP, deny(Denial.IDP_MAY_NOT_CREATE_ORGANIZATION)),
                row("corporate, unknown domain, DENY", CORPORATE, STRICT, NONE, ACME_IDP,
                        deny(Denial.ORGANIZATION_NOT_REGISTERED)),
                row("corporate, unknown domain, NO_ORGANIZATION (default)", CORPORATE, DEFAULTS, NONE, ACME_IDP,
                        new NoOrganization("unknown-domain")),
                row("corporate, unknown domain, NO_ORGANIZATION", CORPORATE, UNKNOWN_NO_ORG, NONE, OTHER_IDP,
                        new NoOrganization("unknown-domain")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void decides(String rule, EmailCheck email, OnboardingPolicy policy, Optional<KnownOrganization> organization,
                 String idpAlias, Optional<String> organizationName, OrganizationDecision decision) {
        assertEquals(decision, Onboarding.decide(email, organization, idpAlias, organizationName, policy));
    }
}
