package dev.orgbridge.authenticator.organization;

import dev.orgbridge.authenticator.BrokeredIdentities;
import dev.orgbridge.authenticator.FormlessAuthenticator;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;

/**
 * "Orgbridge: join organization". Placed in the first-broker-login flow after Keycloak created or linked the
 * user, it applies what {@link OrganizationOnboardingAuthenticator} decided earlier in the same flow.
 */
final class OrganizationJoinAuthenticator extends FormlessAuthenticator {

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
                BrokeredIdentities.of(context).getIdpConfig());
        Onboarder.record(context.getEvent(), context.getUser(), applied);
        context.success();
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
