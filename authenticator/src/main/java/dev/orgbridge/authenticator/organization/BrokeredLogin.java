package dev.orgbridge.authenticator.organization;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;
import org.keycloak.representations.JsonWebToken;

/**
 * What the customer's identity provider asserted in this login, read the same way for OIDC and SAML:
 * a brokered user attribute (set by an attribute-importer mapper), else an ID-token or userinfo claim,
 * else a SAML assertion attribute (by name or friendly name).
 */
record BrokeredLogin(String idpAlias, String email, boolean emailVerified, Optional<String> organizationName,
                     Map<String, String> organizationAttributes) {

    /** Longest organization attribute value taken from a claim. */
    static final int MAX_ATTRIBUTE_VALUE = 255;

    static BrokeredLogin of(BrokeredIdentityContext identity, OnboardingSettings settings) {
        Optional<Boolean> verifiedClaim = claim(identity, settings.emailVerifiedClaim()).map(Boolean::parseBoolean);
        // An explicit email_verified=false wins over 'Trust email', as in Keycloak's own OIDC broker.
        boolean verified = verifiedClaim.orElse(identity.getIdpConfig().isTrustEmail());
        return new BrokeredLogin(identity.getIdpConfig().getAlias(), identity.getEmail(), verified,
                claim(identity, settings.organizationNameClaim()),
                organizationAttributes(identity, settings.organizationAttributes()));
    }

    /** The configured claims this IdP sent, as organization attribute name to value. */
    private static Map<String, String> organizationAttributes(BrokeredIdentityContext identity,
                                                              Map<String, String> claimToAttribute) {
        Map<String, String> attributes = new LinkedHashMap<>();
        claimToAttribute.forEach((claim, attribute) -> claim(identity, claim)
                .map(value -> value.codePoints().filter(c -> !Character.isISOControl(c))
                        .limit(MAX_ATTRIBUTE_VALUE)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString())
                .ifPresent(value -> attributes.put(attribute, value)));
        return attributes;
    }

    static Optional<String> claim(BrokeredIdentityContext identity, String name) {
        return Stream.of(
                        Optional.ofNullable(identity.getUserAttribute(name)),
                        idTokenClaim(identity, name),
                        userInfoClaim(identity, name),
                        samlAttribute(identity, name))
                .flatMap(Optional::stream)
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    private static Optional<String> idTokenClaim(BrokeredIdentityContext identity, String name) {
        if (identity.getContextData().get(OIDCIdentityProvider.VALIDATED_ID_TOKEN) instanceof JsonWebToken token) {
            return Optional.ofNullable(token.getOtherClaims().get(name)).map(Object::toString);
        }
        return Optional.empty();
    }

    private static Optional<String> userInfoClaim(BrokeredIdentityContext identity, String name) {
        if (identity.getContextData().get(OIDCIdentityProvider.USER_INFO) instanceof JsonNode userInfo
                && userInfo.hasNonNull(name)) {
            return Optional.of(userInfo.get(name).asText());
        }
        return Optional.empty();
    }

    private static Optional<String> samlAttribute(BrokeredIdentityContext identity, String name) {
        if (!(identity.getContextData().get(SAMLEndpoint.SAML_ASSERTION) instanceof AssertionType assertion)) {
            return Optional.empty();
        }
        return assertion.getAttributeStatements().stream()
                .map(AttributeStatementType::getAttributes)
                .flatMap(List::stream)
                .map(AttributeStatementType.ASTChoiceType::getAttribute)
                .filter(Objects::nonNull)
                .filter(attribute -> name.equals(attribute.getName()) || name.equals(attribute.getFriendlyName()))
                .map(AttributeType::getAttributeValue)
                .flatMap(List::stream)
                .filter(Objects::nonNull)
                .map(Object::toString)
                .findFirst();
    }
}
