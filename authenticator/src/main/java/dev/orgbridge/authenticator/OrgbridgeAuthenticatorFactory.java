package dev.orgbridge.authenticator;

import dev.orgbridge.core.BuildInfo;
import java.util.List;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/** What every Orgbridge login step shares: no server-level state, required or disabled, version in Server Info. */
public abstract class OrgbridgeAuthenticatorFactory implements AuthenticatorFactory, ServerInfoAwareProviderFactory {

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
        AuthenticationExecutionModel.Requirement.REQUIRED,
        AuthenticationExecutionModel.Requirement.DISABLED,
    };

    @Override
    public final String getReferenceCategory() {
        return "orgbridge";
    }

    @Override
    public final AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENTS.clone();
    }

    @Override
    public final boolean isConfigurable() {
        return false;
    }

    @Override
    public final boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public final List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public final Map<String, String> getOperationalInfo() {
        return BuildInfo.current().operationalInfo();
    }

    @Override
    public final void init(Config.Scope config) {
        // nothing to configure at server level
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public final void close() {
        // stateless
    }
}
