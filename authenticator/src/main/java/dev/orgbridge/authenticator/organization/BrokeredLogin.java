package dev.orgbridge.authenticator.organization;

import dev.orgbridge.support.broker.AssertedAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.broker.provider.BrokeredIdentityContext;

/** What onboarding needs of the customer's identity provider's assertion in this login. */
record BrokeredLogin(String idpAlias, String email, boolean emailVerified, Optional<String> organizationName,
                     Map<String, String> organizationAttributes) {

    /** Longest organization attribute value taken from a claim. */
    static final int MAX_ATTRIBUTE_VALUE = 255;

    static BrokeredLogin of(BrokeredIdentityContext identity, OnboardingSettings settings) {
        Optional<Boolean> verifiedClaim = AssertedAttributes.first(identity, settings.emailVerifiedClaim())
                .map(Boolean::parseBoolean);
        // An explicit email_verified=false wins over 'Trust email', as in Keycloak's own OIDC broker.
        boolean verified = verifiedClaim.orElse(identity.getIdpConfig().isTrustEmail());
        return new BrokeredLogin(identity.getIdpConfig().getAlias(), identity.getEmail(), verified,
                AssertedAttributes.first(identity, settings.organizationNameClaim()),
                organizationAttributes(identity, settings.organizationAttributes()));
    }

    /** The configured claims this IdP sent, as organization attribute name to value. */
    private static Map<String, String> organizationAttributes(BrokeredIdentityContext identity,
                                                              Map<String, String> claimToAttribute) {
        Map<String, String> attributes = new LinkedHashMap<>();
        claimToAttribute.forEach((claim, attribute) -> AssertedAttributes.first(identity, claim)
                .map(value -> value.codePoints().filter(c -> !Character.isISOControl(c))
                        .limit(MAX_ATTRIBUTE_VALUE)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString())
                .ifPresent(value -> attributes.put(attribute, value)));
        return attributes;
    }
}
