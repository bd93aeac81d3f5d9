package dev.orgbridge.mapper.protocol;

import dev.orgbridge.core.mapping.Shown;
import dev.orgbridge.support.OrgbridgeProviderFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapper;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.ProtocolMapperUtils;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * "Orgbridge: organization, role and team claims": flat claims a downstream app reads without knowing Keycloak's
 * organization claim (id, alias, name and domain of the user's one organization), the user's role from an
 * allow-list, and their teams. In the ID token, access token, userinfo and introspection as Keycloak's switches say.
 */
public final class OidcAppClaimsMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper,
        OrgbridgeProviderFactory<ProtocolMapper> {

    public static final String PROVIDER_ID = "orgbridge-oidc-app-claims";

    private static final Logger LOG = Logger.getLogger(OidcAppClaimsMapper.class);

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "Orgbridge: organization, role and team claims";
    }

    @Override
    public String getHelpText() {
        return "Flat claims for apps: id, alias, name and domain of the user's organization, the user's role from an "
                + "allow-list, and their teams. Keycloak's Organization Membership mapper remains the one for the "
                + "organization claim and organization scopes.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return OidcClaimSettings.PROPERTIES;
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel client,
                               ProtocolMapperModel mapperModel) throws ProtocolMapperConfigException {
        AppProfiles.check(session, realm, OidcClaimSettings.of(mapperModel).profile());
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mapperModel, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        OidcClaimSettings settings = OidcClaimSettings.of(mapperModel);
        AppProfile profile = AppProfiles.of(session, mapperModel, settings.profile(), userSession.getUser());
        for (OidcClaimSettings.Claim claim : settings.claims(profile)) {
            try {
                OIDCAttributeMapperHelper.mapClaim(token, claimModel(mapperModel, claim), claim.value());
            } catch (RuntimeException e) {
                // e.g. "org" and "org.id" configured together: one claim cannot be both a value and an object
                LOG.errorf("Mapper \"%s\": option %s: claim %s cannot be added (%s); left out",
                        Shown.of(mapperModel.getName()), claim.option(), Shown.of(claim.name()), e.getClass().getName());
            }
        }
    }

    /** The claim as Keycloak's own claim mappers are configured, so it is named and nested the same way. */
    private static ProtocolMapperModel claimModel(ProtocolMapperModel mapperModel, OidcClaimSettings.Claim claim) {
        Map<String, String> config = new HashMap<>();
        config.put(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME, claim.name());
        config.put(OIDCAttributeMapperHelper.JSON_TYPE, "String");
        config.put(ProtocolMapperUtils.MULTIVALUED, String.valueOf(claim.array()));
        ProtocolMapperModel model = new ProtocolMapperModel();
        model.setName(mapperModel.getName());
        model.setProtocolMapper(PROVIDER_ID);
        model.setProtocol(mapperModel.getProtocol());
        model.setConfig(config);
        return model;
    }
}
