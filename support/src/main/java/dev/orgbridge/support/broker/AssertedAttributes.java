package dev.orgbridge.support.broker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;
import org.keycloak.dom.saml.v2.assertion.NameIDType;
import org.keycloak.representations.JsonWebToken;

/**
 * What the customer's identity provider asserted in this login under one name, read the same way for OIDC and SAML:
 * a brokered user attribute (set by an attribute-importer mapper), else an ID-token claim, else a userinfo claim, else
 * a SAML assertion attribute (by name or friendly name). Values are raw: callers clean them.
 */
public final class AssertedAttributes {

    private AssertedAttributes() {
    }

    /** Every value of the first source that has the name; a JSON array or multi-valued attribute gives several. */
    public static List<String> values(BrokeredIdentityContext identity, String name) {
        return Stream.of(brokeredAttribute(identity, name), idTokenClaim(identity, name),
                        userInfoClaim(identity, name), samlAttribute(identity, name))
                .filter(values -> !values.isEmpty())
                .findFirst()
                .orElse(List.of());
    }

    /** The first non-blank value, stripped. */
    public static Optional<String> first(BrokeredIdentityContext identity, String name) {
        return values(identity, name).stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    /** The SAML assertion's subject NameID, when this login came through a SAML identity provider. */
    public static Optional<String> samlNameId(BrokeredIdentityContext identity) {
        if (identity.getContextData().get(SAMLEndpoint.SAML_ASSERTION) instanceof AssertionType assertion
                && assertion.getSubject() != null && assertion.getSubject().getSubType() != null
                && assertion.getSubject().getSubType().getBaseID() instanceof NameIDType nameId) {
            return Optional.ofNullable(nameId.getValue());
        }
        return Optional.empty();
    }

    private static List<String> idTokenClaim(BrokeredIdentityContext identity, String name) {
        if (identity.getContextData().get(OIDCIdentityProvider.VALIDATED_ID_TOKEN) instanceof JsonWebToken token) {
            return scalars(token.getOtherClaims().get(name));
        }
        return List.of();
    }

    private static List<String> scalars(Object claim) {
        if (claim instanceof Collection<?> list) {
            return list.stream().flatMap(item -> scalars(item).stream()).toList();
        }
        if (claim == null || claim instanceof Map<?, ?>) {
            return List.of();
        }
        return List.of(claim.toString());
    }

    private static List<String> userInfoClaim(BrokeredIdentityContext identity, String name) {
        if (identity.getContextData().get(OIDCIdentityProvider.USER_INFO) instanceof JsonNode userInfo
                && userInfo.hasNonNull(name)) {
            JsonNode claim = userInfo.get(name);
            Stream<JsonNode> items = claim.isArray()
                    ? StreamSupport.stream(claim.spliterator(), false) : Stream.of(claim);
            return items.filter(JsonNode::isValueNode).map(JsonNode::asText).toList();
        }
        return List.of();
    }

    private static List<String> samlAttribute(BrokeredIdentityContext identity, String name) {
        if (!(identity.getContextData().get(SAMLEndpoint.SAML_ASSERTION) instanceof AssertionType assertion)) {
            return List.of();
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
                .toList();
    }

    private static List<String> brokeredAttribute(BrokeredIdentityContext identity, String name) {
        List<String> values = identity.getAttributes().get(name);
        return values == null ? List.of() : values;
    }
}
