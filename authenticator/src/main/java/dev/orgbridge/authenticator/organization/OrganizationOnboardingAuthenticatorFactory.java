package dev.orgbridge.authenticator.organization;

import dev.orgbridge.authenticator.OrgbridgeAuthenticatorFactory;
import dev.orgbridge.support.config.SettingsCheck;
import java.util.List;
import java.util.Map;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;

public final class OrganizationOnboardingAuthenticatorFactory extends OrgbridgeAuthenticatorFactory
        implements SettingsCheck {

    public static final String PROVIDER_ID = "orgbridge-organization-onboarding";
    private static final Authenticator SINGLETON = new OrganizationOnboardingAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Orgbridge: decide organization from email domain";
    }

    @Override
    public String getHelpText() {
        return "Matches the verified email domain of the brokered user to an organization under this step's "
                + "onboarding policy, or denies the login with a page. Put it first in the first-broker-login flow "
                + "(with 'Orgbridge: join organization' after user creation) and in the post-broker-login flow, "
                + "both executions sharing one config.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return OnboardingSettings.PROPERTIES;
    }

    @Override
    public void checkSettings(KeycloakSession session, RealmModel realm, String name, Map<String, String> config) {
        OnboardingSettings.parse(config).checkReferences(session);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
