package dev.orgbridge.authenticator.sso;

import dev.orgbridge.authenticator.OrgbridgeAuthenticatorFactory;
import dev.orgbridge.support.config.SettingsCheck;
import java.util.List;
import java.util.Map;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;

public final class SsoIdentifierLinkAuthenticatorFactory extends OrgbridgeAuthenticatorFactory implements SettingsCheck {

    public static final String PROVIDER_ID = "orgbridge-sso-identifier-link";
    private static final Authenticator SINGLETON = new SsoIdentifierLinkAuthenticator();
    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
        AuthenticationExecutionModel.Requirement.ALTERNATIVE,
        AuthenticationExecutionModel.Requirement.REQUIRED,
        AuthenticationExecutionModel.Requirement.DISABLED,
    };

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Orgbridge: link by SSO identifier";
    }

    @Override
    public String getHelpText() {
        return "Links the brokered identity to the user whose SSO identifier equals the SAML NameID (or an OIDC "
                + "claim), ignoring case, without email confirmation. Put it first among the alternatives of user "
                + "creation or linking in the first-broker-login flow.";
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENTS.clone();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return SsoLinkSettings.PROPERTIES;
    }

    @Override
    public void checkSettings(KeycloakSession session, RealmModel realm, String name, Map<String, String> config) {
        SsoLinkSettings.parse(config);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
