package dev.orgbridge.mapper.idp;

import dev.orgbridge.support.OrgbridgeProviderFactory;
import dev.orgbridge.support.config.InvalidSettingsException;
import dev.orgbridge.support.config.SettingsCheck;
import java.util.Optional;
import java.util.function.Function;
import org.keycloak.broker.provider.AbstractIdentityProviderMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.broker.provider.IdentityProviderMapperSyncModeDelegate;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * What Orgbridge's identity-provider mappers share. They work with OIDC and SAML brokers alike and honour Keycloak's
 * sync modes: Import maps at the first login only; Force maps at every login and removes what the identity provider
 * no longer asserts, inside the mapper's own scope; Legacy behaves as Import.
 *
 * <p>Denials happen in {@code preprocessFederatedIdentity}, which Keycloak runs before it creates, links or updates
 * the user, so a denied login leaves nothing behind; the mapping itself is applied once the user exists.
 */
abstract class OrgbridgeIdpMapper extends AbstractIdentityProviderMapper
        implements OrgbridgeProviderFactory<IdentityProviderMapper>, SettingsCheck {

    private static final String[] COMPATIBLE_PROVIDERS = {ANY_PROVIDER};

    @Override
    public String[] getCompatibleProviders() {
        return COMPATIBLE_PROVIDERS.clone();
    }

    @Override
    public boolean supportsSyncMode(IdentityProviderSyncMode syncMode) {
        return true;
    }

    @Override
    public void updateBrokeredUserLegacy(KeycloakSession session, RealmModel realm, UserModel user,
                                         IdentityProviderMapperModel mapperModel, BrokeredIdentityContext context) {
        // Legacy behaves as Import: nothing after the first login
    }

    /** How messages about a mapper's settings name it. */
    static String subject(String mapperName) {
        return "mapper '" + mapperName + "'";
    }

    /** A misconfigured mapper stops the login with a page, naming the option in the event and the log. */
    static <T> T settingsOrStop(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapperModel,
                                BrokeredIdentityContext login, Function<IdentityProviderMapperModel, T> checked) {
        try {
            return checked.apply(mapperModel);
        } catch (InvalidSettingsException e) {
            throw new MappingReport(session, realm, mapperModel, login, null).misconfigured(e);
        }
    }

    /** Whether the mapping follows the identity provider at every login (effective sync mode Force). */
    static boolean syncs(IdentityProviderMapperModel mapper, BrokeredIdentityContext login) {
        IdentityProviderSyncMode idpMode = login.getIdpConfig().getSyncMode() == null
                ? IdentityProviderSyncMode.LEGACY : login.getIdpConfig().getSyncMode();
        return IdentityProviderMapperSyncModeDelegate.combineIdpAndMapperSyncMode(idpMode, mapper.getSyncMode())
                == IdentityProviderSyncMode.FORCE;
    }

    /** The user already linked to this identity provider's account, before Keycloak looks it up itself. */
    static Optional<UserModel> linkedUser(KeycloakSession session, RealmModel realm, BrokeredIdentityContext login) {
        FederatedIdentityModel link = new FederatedIdentityModel(login.getIdpConfig().getAlias(), login.getId(),
                login.getUsername());
        return Optional.ofNullable(session.users().getUserByFederatedIdentity(realm, link));
    }

    /**
     * Whether this login maps anything, and so may be denied before it changes anything: a first login (no linked
     * user yet), or a returning user whose mapping syncs.
     */
    static boolean mapsThisLogin(Optional<UserModel> linked, IdentityProviderMapperModel mapper,
                                 BrokeredIdentityContext login) {
        return linked.isEmpty() || syncs(mapper, login);
    }
}
