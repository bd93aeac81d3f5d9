package dev.orgbridge.authenticator.sso;

import dev.orgbridge.authenticator.FormlessAuthenticator;
import dev.orgbridge.authenticator.BrokeredIdentities;
import dev.orgbridge.core.sso.InvalidSsoIdentifierException;
import dev.orgbridge.core.sso.SsoIdentifier;
import dev.orgbridge.support.broker.AssertedAttributes;
import dev.orgbridge.support.config.InvalidSettingsException;
import dev.orgbridge.support.sso.SsoIdentifierIndex;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.IdpConfirmOverrideLinkAuthenticator;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.UserModel;

/**
 * "Orgbridge: link by SSO identifier", a first-broker-login step (first alternative of user creation or linking):
 * the SAML NameID, or an OIDC claim, names the user whose SSO identifier equals it ignoring case; the brokered
 * identity is linked to that user and the login goes on, with no email confirmation. A NameID that changed only in
 * case replaces the user's old link to the same IdP, so the user keeps one account.
 */
final class SsoIdentifierLinkAuthenticator extends FormlessAuthenticator {

    static final String MATCHED_DETAIL = "orgbridge_sso_identifier_matched";
    private static final String NO_MATCH_ERROR = "orgbridge_sso_identifier_unknown";
    private static final String NO_MATCH_MESSAGE = "orgbridgeSsoIdentifierUnknown";
    private static final String MISCONFIGURED_ERROR = "orgbridge_misconfigured";
    private static final String MISCONFIGURED_MESSAGE = "orgbridgeMisconfigured";

    private static final Logger LOG = Logger.getLogger(SsoIdentifierLinkAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        SsoLinkSettings settings;
        try {
            settings = SsoLinkSettings.of(context.getAuthenticatorConfig());
        } catch (InvalidSettingsException e) {
            LOG.errorf("Realm %s, flow %s: %s", context.getRealm().getName(), context.getFlowPath(), e.getMessage());
            context.getEvent().detail("orgbridge_option", e.option());
            stopWithPage(context, MISCONFIGURED_ERROR, MISCONFIGURED_MESSAGE, Response.Status.INTERNAL_SERVER_ERROR);
            return;
        }
        BrokeredIdentityContext identity = BrokeredIdentities.of(context);
        SsoIdentifierIndex index = new SsoIdentifierIndex(context.getSession(), settings.attribute());
        Optional<UserModel> holder = asserted(identity, settings)
                .flatMap(id -> index.holder(context.getRealm(), id));
        if (holder.isEmpty()) {
            context.getEvent().detail(MATCHED_DETAIL, "false");
            if (settings.noMatch() == SsoLinkSettings.NoMatch.DENY) {
                stopWithPage(context, NO_MATCH_ERROR, NO_MATCH_MESSAGE, Response.Status.FORBIDDEN);
            } else {
                context.attempted();
            }
            return;
        }
        UserModel user = holder.get();
        FederatedIdentityModel earlier = context.getSession().users()
                .getFederatedIdentity(context.getRealm(), user, identity.getIdpConfig().getAlias());
        if (earlier != null && !earlier.getUserId().equals(identity.getId())) {
            // the IdP now spells the NameID differently: Keycloak replaces the old link instead of refusing a second
            context.getAuthenticationSession().setAuthNote(IdpConfirmOverrideLinkAuthenticator.OVERRIDE_LINK, "true");
        }
        LOG.debugf("Realm %s: brokered identity of %s linked to user %s by SSO identifier", context.getRealm().getName(),
                identity.getIdpConfig().getAlias(), user.getId());
        context.getEvent().detail(MATCHED_DETAIL, "true");
        context.setUser(user);
        context.success();
    }

    /** The identifier the IdP asserted: the SAML NameID, else the configured OIDC claim. */
    private static Optional<SsoIdentifier> asserted(BrokeredIdentityContext identity, SsoLinkSettings settings) {
        Optional<String> raw = AssertedAttributes.samlNameId(identity)
                .or(() -> AssertedAttributes.first(identity, settings.oidcClaim()))
                .or(() -> "sub".equals(settings.oidcClaim()) ? Optional.ofNullable(identity.getId()) : Optional.empty());
        try {
            return raw.map(SsoIdentifier::parse);
        } catch (InvalidSsoIdentifierException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
