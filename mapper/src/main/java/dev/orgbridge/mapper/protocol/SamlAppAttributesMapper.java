package dev.orgbridge.mapper.protocol;

import dev.orgbridge.support.OrgbridgeProviderFactory;
import java.util.List;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapper;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.saml.mappers.AbstractSAMLProtocolMapper;
import org.keycloak.protocol.saml.mappers.AttributeStatementHelper;
import org.keycloak.protocol.saml.mappers.SAMLAttributeStatementMapper;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * "Orgbridge: app attributes": in one mapper, the attribute set SAML apps commonly expect, under names the admin
 * chooses: user name, email, given and family name, the role from an allow-list, one value per team, and the
 * organization's name and id.
 */
public final class SamlAppAttributesMapper extends AbstractSAMLProtocolMapper
        implements SAMLAttributeStatementMapper, OrgbridgeProviderFactory<ProtocolMapper> {

    public static final String PROVIDER_ID = "orgbridge-saml-app-attributes";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayCategory() {
        return AttributeStatementHelper.ATTRIBUTE_STATEMENT_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "Orgbridge: app attributes";
    }

    @Override
    public String getHelpText() {
        return "The attributes SAML apps commonly expect, named as the app wants them: user name, email, given and "
                + "family name, role from an allow-list (userType), teams (division), organization name and id.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return SamlAttributeSettings.PROPERTIES;
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel client,
                               ProtocolMapperModel mapperModel) throws ProtocolMapperConfigException {
        AppProfiles.check(session, realm, SamlAttributeSettings.of(mapperModel).profile());
    }

    @Override
    public void transformAttributeStatement(AttributeStatementType attributeStatement, ProtocolMapperModel mapperModel,
                                            KeycloakSession session, UserSessionModel userSession,
                                            AuthenticatedClientSessionModel clientSession) {
        SamlAttributeSettings settings = SamlAttributeSettings.of(mapperModel);
        UserModel user = userSession.getUser();
        AppProfile profile = AppProfiles.of(session, mapperModel, settings.profile(), user);
        SamlAttributeSettings.Person person = new SamlAttributeSettings.Person(user.getUsername(), user.getEmail(),
                user.getFirstName(), user.getLastName());
        for (SamlAttributeSettings.Attribute attribute : settings.attributes(person, profile)) {
            AttributeType saml = new AttributeType(attribute.name());
            saml.setNameFormat(settings.nameFormat().uri());
            attribute.values().forEach(saml::addAttributeValue);
            attributeStatement.addAttribute(new AttributeStatementType.ASTChoiceType(saml));
        }
    }
}
