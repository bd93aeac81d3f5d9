package dev.orgbridge.authenticator;

import dev.orgbridge.support.OrgbridgeProviderFactory;
import java.util.List;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.provider.ProviderConfigProperty;

/** What every Orgbridge login step's factory shares: required or disabled, configurable when it has settings. */
public abstract class OrgbridgeAuthenticatorFactory implements AuthenticatorFactory, OrgbridgeProviderFactory<Authenticator> {

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
        AuthenticationExecutionModel.Requirement.REQUIRED,
        AuthenticationExecutionModel.Requirement.DISABLED,
    };

    @Override
    public final String getReferenceCategory() {
        return "orgbridge";
    }

    /** Required or disabled; a step meant as one alternative among others offers more. */
    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENTS.clone();
    }

    /** The step's settings; none by default. */
    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public final boolean isConfigurable() {
        return !getConfigProperties().isEmpty();
    }

    @Override
    public final boolean isUserSetupAllowed() {
        return false;
    }

}
