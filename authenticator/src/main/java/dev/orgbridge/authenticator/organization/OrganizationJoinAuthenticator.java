package dev.orgbridge.authenticator.organization;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * "Orgbridge: join organization". Placed in the first-broker-login flow after Keycloak created or linked the
 * user, it applies what {@link OrganizationOnboardingAuthenticator} decided earlier in the same flow.
 */
final class OrganizationJoinAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(OrganizationJoinAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (Onboarder.rememberedKind(context.getAuthenticationSession()).isEmpty()) {
            LOG.warnf("Realm %s: 'Orgbridge: join organization' ran without 'Orgbridge: decide organization' before it"
                    + " in flow %s; nothing to join", context.getRealm().getName(), context.getFlowPath());
            context.success();
            return;
        }
        Onboarder.Applied applied = Onboarder.applyRemembered(context.getSession(), context.getRealm(),
                context.getAuthenticationSession(), context.getUser(),
                OrganizationOnboardingAuthenticator.brokeredIdentity(context).getIdpConfig(),
                OnboardingPolicyPage.settingsOf(context.getRealm()));
        Onboarder.record(context.getEvent(), context.getUser(), applied);
        context.success();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        // no form of its own
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // none
    }

    @Override
    public void close() {
        // stateless
    }
}
