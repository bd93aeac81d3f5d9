package dev.orgbridge.core.domain;

import static dev.orgbridge.core.domain.PersonalEmailAction.FALLBACK_ORGANIZATION;
import static dev.orgbridge.core.domain.PersonalEmailAction.NO_ORGANIZATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OnboardingPolicyTest {

    private static final UnverifiedEmailAction DENY_UNVERIFIED = UnverifiedEmailAction.DENY;
    private static final UnknownDomainAction CREATE = UnknownDomainAction.CREATE;

    @Test
    void defaults() {
        OnboardingPolicy policy = OnboardingPolicy.defaults();

        assertEquals(UnverifiedEmailAction.DENY, policy.unverifiedEmail());
        assertEquals(PersonalEmailAction.NO_ORGANIZATION, policy.personalEmail());
        assertEquals(Optional.empty(), policy.fallbackOrganization());
        assertEquals(UnknownDomainAction.NO_ORGANIZATION, policy.unknownDomain());
        assertEquals(Set.of(), policy.idpsAllowedToCreate());
    }

    @Test
    void fallbackAliasIsTrimmedAndIdpSetCopied() {
        Set<String> idps = new HashSet<>(Set.of("acme-oidc"));
        OnboardingPolicy policy = new OnboardingPolicy(DENY_UNVERIFIED, FALLBACK_ORGANIZATION, Optional.of(" all "),
                CREATE, idps);
        idps.add("later");

        assertEquals(Optional.of("all"), policy.fallbackOrganization());
        assertEquals(Set.of("acme-oidc"), policy.idpsAllowedToCreate());
    }

    @Test
    void createWithNoIdpAllowedIsAValidPolicy() {
        // Every unknown domain is then denied with IDP_MAY_NOT_CREATE_ORGANIZATION.
        new OnboardingPolicy(DENY_UNVERIFIED, NO_ORGANIZATION, Optional.empty(), CREATE, Set.of());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                // what is wrong                                                           → message
                arguments(new Object[] {null, NO_ORGANIZATION, Optional.empty(), CREATE, Set.of()},
                        "unverifiedEmail must be set (DENY or NO_ORGANIZATION)"),
                arguments(new Object[] {DENY_UNVERIFIED, null, Optional.empty(), CREATE, Set.of()},
                        "personalEmail must be set (DENY, NO_ORGANIZATION or FALLBACK_ORGANIZATION)"),
                arguments(new Object[] {DENY_UNVERIFIED, NO_ORGANIZATION, null, CREATE, Set.of()},
                        "fallbackOrganization must be an Optional, empty when unused"),
                arguments(new Object[] {DENY_UNVERIFIED, NO_ORGANIZATION, Optional.empty(), null, Set.of()},
                        "unknownDomain must be set (CREATE, DENY or NO_ORGANIZATION)"),
                arguments(new Object[] {DENY_UNVERIFIED, NO_ORGANIZATION, Optional.empty(), CREATE, null},
                        "idpsAllowedToCreate must be a set, empty when no identity provider may create organizations"),
                arguments(new Object[] {DENY_UNVERIFIED, FALLBACK_ORGANIZATION, Optional.empty(), CREATE, Set.of()},
                        "fallbackOrganization (an organization alias) is required when personalEmail is"
                                + " FALLBACK_ORGANIZATION"),
                arguments(new Object[] {DENY_UNVERIFIED, FALLBACK_ORGANIZATION, Optional.of("  "), CREATE, Set.of()},
                        "fallbackOrganization must not be blank"),
                arguments(new Object[] {DENY_UNVERIFIED, NO_ORGANIZATION, Optional.of("all"), CREATE, Set.of()},
                        "fallbackOrganization is only used when personalEmail is FALLBACK_ORGANIZATION, but"
                                + " personalEmail is NO_ORGANIZATION: remove fallbackOrganization or change"
                                + " personalEmail"),
                arguments(new Object[] {DENY_UNVERIFIED, NO_ORGANIZATION, Optional.empty(), CREATE,
                        new HashSet<>(Arrays.asList("acme-oidc", " "))},
                        "idpsAllowedToCreate must not contain a blank identity provider alias"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    @SuppressWarnings("unchecked")
    void refusesInvalidPoliciesNamingTheOption(Object[] fields, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OnboardingPolicy(
                (UnverifiedEmailAction) fields[0], (PersonalEmailAction) fields[1], (Optional<String>) fields[2],
                (UnknownDomainAction) fields[3], (Set<String>) fields[4]));

        assertEquals("Invalid onboarding policy: " + message, e.getMessage());
    }
}
