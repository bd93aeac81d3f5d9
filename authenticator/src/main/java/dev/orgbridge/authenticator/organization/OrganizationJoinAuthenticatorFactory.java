package dev.orgbridge.authenticator.organization;

import dev.orgbridge.authenticator.OrgbridgeAuthenticatorFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

public final class OrganizationJoinAuthenticatorFactory extends OrgbridgeAuthenticatorFactory {

    public static final String PROVIDER_ID = "orgbridge-organization-join";
    private static final Authenticator SINGLETON = new OrganizationJoinAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Orgbridge: join organization";
    }

    @Override
    public String getHelpText() {
        return "Creates the organization (when decided) and adds the user to it. Put it in the first-broker-login "
                + "flow after the steps that create or link the user.";
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
