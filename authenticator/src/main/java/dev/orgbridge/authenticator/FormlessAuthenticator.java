package dev.orgbridge.authenticator;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** A login step without a form of its own and without per-user setup: it decides in {@code authenticate}. */
public abstract class FormlessAuthenticator implements Authenticator {

    @Override
    public final void action(AuthenticationFlowContext context) {
        // no form posts back to this step
    }

    @Override
    public final boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public final void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // nothing for the user to set up
    }

    /** Stops the login on an error page with the theme message, recording the error on the flow's event. */
    protected static void stopWithPage(AuthenticationFlowContext context, String error, String messageKey,
                                       Response.Status status) {
        context.getEvent().error(error);
        Response page = context.form().setError(messageKey).createErrorPage(status);
        context.failureChallenge(AuthenticationFlowError.ACCESS_DENIED, page);
    }

    @Override
    public final void close() {
        // stateless
    }
}
