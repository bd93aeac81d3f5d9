package dev.orgbridge.authenticator;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.PostBrokerLoginConstants;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.sessions.AuthenticationSessionModel;

/** The brokered identity of the login a flow step runs in. */
public final class BrokeredIdentities {

    private BrokeredIdentities() {
    }

    /** First-broker-login and post-broker-login keep it under different notes; other flows have none. */
    public static BrokeredIdentityContext of(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SerializedBrokeredIdentityContext serialized = SerializedBrokeredIdentityContext.readFromAuthenticationSession(
                authSession, AbstractIdpAuthenticator.BROKERED_CONTEXT_NOTE);
        if (serialized == null) {
            serialized = SerializedBrokeredIdentityContext.readFromAuthenticationSession(
                    authSession, PostBrokerLoginConstants.PBL_BROKERED_IDENTITY_CONTEXT);
        }
        if (serialized == null) {
            throw new IllegalStateException("Orgbridge's broker steps run only in first- or post-broker-login flows");
        }
        return serialized.deserialize(context.getSession(), authSession);
    }
}
