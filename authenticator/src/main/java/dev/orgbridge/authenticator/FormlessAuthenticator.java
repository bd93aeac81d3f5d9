package dev.orgbridge.authenticator;

import org.keycloak.authentication.AuthenticationFlowContext;
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

    @Override
    public final void close() {
        // stateless
    }
}
