package dev.orgbridge.authenticator.organization;

import dev.orgbridge.authenticator.BrokeredIdentities;
import dev.orgbridge.authenticator.FormlessAuthenticator;
import dev.orgbridge.core.domain.Denial;
import dev.orgbridge.core.domain.EmailCheck;
import dev.orgbridge.core.domain.KnownOrganization;
import dev.orgbridge.core.domain.Onboarding;
import dev.orgbridge.core.domain.OrganizationDecision;
import dev.orgbridge.support.config.InvalidSettingsException;
import dev.orgbridge.support.organization.OrganizationDirectory;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * "Orgbridge: decide organization from email domain". In the first-broker-login flow it runs before Keycloak
 * creates or links the user, so a denial leaves nothing behind; the decision is applied by
 * {@link OrganizationJoinAuthenticator} once the user exists. In the post-broker-login flow the user exists
 * already, so it decides and applies at once: returning users reach organizations created after their first login.
 */
final class OrganizationOnboardingAuthenticator extends FormlessAuthenticator {

    private static final Logger LOG = Logger.getLogger(OrganizationOnboardingAuthenticator.class);
    private static final String MISCONFIGURED_ERROR = "orgbridge_misconfigured";
    private static final String MISCONFIGURED_MESSAGE = "orgbridgeMisconfigured";
    private static final String OPTION_DETAIL = "orgbridge_option";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        KeycloakSession session = context.getSession();
        OrganizationDirectory directory = new OrganizationDirectory(session);
        if (!directory.enabled()) {
            LOG.debugf("Organizations are off in realm %s; Orgbridge onboarding skipped", context.getRealm().getName());
            context.success();
            return;
        }
        OnboardingSettings settings;
        try {
            settings = OnboardingSettings.of(context.getAuthenticatorConfig());
            settings.checkReferences(session);
        } catch (InvalidSettingsException e) {
            // Keycloak 26.7 has no save-time hook for authenticator configs: a bad one is caught here, loudly
            LOG.errorf("Realm %s, flow %s: %s", context.getRealm().getName(), context.getFlowPath(), e.getMessage());
            context.getEvent().detail(OPTION_DETAIL, e.option());
            fail(context, MISCONFIGURED_ERROR, MISCONFIGURED_MESSAGE, Response.Status.INTERNAL_SERVER_ERROR);
            return;
        }
        BrokeredIdentityContext identity = BrokeredIdentities.of(context);
        BrokeredLogin login = BrokeredLogin.of(identity, settings);
        LOG.debugf("Realm %s: onboarding decision for a login through %s", context.getRealm().getName(), login.idpAlias());

        if (context.getUser() == null && !settings.createUsers() && !hasAccount(context, identity)) {
            deny(context, Denial.NO_ACCOUNT);
            return;
        }
        EmailCheck email = EmailCheck.of(login.email(), login.emailVerified(), settings.ignoredDomains());
        Optional<KnownOrganization> organization = email instanceof EmailCheck.Corporate corporate
                ? directory.owning(corporate.email().domain())
                : Optional.empty();
        OrganizationDecision decision = Onboarding.decide(email, organization, login.idpAlias(),
                login.organizationName(), settings.policy());

        if (decision instanceof OrganizationDecision.Deny deny) {
            if (email instanceof EmailCheck.Corporate corporate) {
                context.getEvent().detail(Onboarder.DETAIL_DOMAIN, corporate.email().domain().ascii());
            }
            deny(context, deny.denial());
        } else if (context.getUser() != null) {
            Onboarder.Applied applied = Onboarder.applyNow(session, context.getRealm(),
                    context.getAuthenticationSession(), decision, context.getUser(), identity.getIdpConfig(), settings,
                    login.organizationAttributes());
            if (applied.changed()) {
                // returning users: record only what changed, not every login
                Onboarder.record(context.getEvent(), context.getUser(), applied);
            }
            context.success();
        } else {
            Onboarder.remember(context.getAuthenticationSession(), decision, settings, login.organizationAttributes());
            context.success();
        }
    }

    private static boolean hasAccount(AuthenticationFlowContext context, BrokeredIdentityContext identity) {
        RealmModel realm = context.getRealm();
        KeycloakSession session = context.getSession();
        return (identity.getEmail() != null && session.users().getUserByEmail(realm, identity.getEmail()) != null)
                || (identity.getModelUsername() != null
                        && session.users().getUserByUsername(realm, identity.getModelUsername()) != null)
                || (identity.getUsername() != null
                        && session.users().getUserByUsername(realm, identity.getUsername()) != null);
    }

    private static void deny(AuthenticationFlowContext context, Denial denial) {
        fail(context, denial.errorCode(), denial.messageKey(), Response.Status.FORBIDDEN);
    }


    private static void fail(AuthenticationFlowContext context, String error, String messageKey, Response.Status status) {
        context.getEvent().detail(Onboarder.DETAIL_DECISION, "denied");
        stopWithPage(context, error, messageKey, status);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
