package dev.orgbridge.mapper.idp;

import dev.orgbridge.core.mapping.MappingWarning;
import dev.orgbridge.mapper.scope.ScopeKind;
import dev.orgbridge.support.organization.OrganizationDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.GroupModel;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * "Orgbridge: default groups at first login": every user Keycloak creates through this identity provider joins the
 * chosen realm groups, or the chosen groups of their organization. Only at account creation, whatever the sync mode.
 */
public final class DefaultGroupsMapper extends OrgbridgeIdpMapper {

    public static final String PROVIDER_ID = "orgbridge-default-groups-idp-mapper";

    private static final String CAUSE = "default-group";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayCategory() {
        return "Group Importer";
    }

    @Override
    public String getDisplayType() {
        return "Orgbridge: default groups at first login";
    }

    @Override
    public String getHelpText() {
        return "Users created through this identity provider join the chosen realm groups, or the chosen groups of "
                + "their organization.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return DefaultGroupsSettings.PROPERTIES;
    }

    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm,
                                            IdentityProviderMapperModel mapperModel, BrokeredIdentityContext login) {
        settings(session, realm, mapperModel, login); // a misconfigured mapper stops the login before anything is made
    }

    @Override
    public void importNewUser(KeycloakSession session, RealmModel realm, UserModel user,
                              IdentityProviderMapperModel mapperModel, BrokeredIdentityContext login) {
        DefaultGroupsSettings settings = settings(session, realm, mapperModel, login);
        Optional<OrganizationModel> organization = settings.scope() == ScopeKind.ORGANIZATION
                ? new OrganizationDirectory(session).ofMember(user, login.getAuthenticationSession())
                : Optional.empty();
        if (settings.scope() == ScopeKind.ORGANIZATION && organization.isEmpty()) {
            return;
        }
        MappingReport report = new MappingReport(session, realm, mapperModel, login, null);
        List<MappingWarning> warnings = new ArrayList<>();
        for (String path : settings.groups()) {
            GroupModel group = organization.isPresent()
                    ? KeycloakModelUtils.findGroupByPath(session, realm, organization.get(), path)
                    : KeycloakModelUtils.findGroupByPath(session, realm, path);
            if (group == null) {
                warnings.add(new MappingWarning(MappingWarning.Kind.UNKNOWN_GROUP, path));
            } else if (!user.isMemberOf(group)) {
                user.joinGroup(group);
                report.joined(user, group, null, CAUSE);
            }
        }
        report.warnings(warnings, user);
    }

    @Override
    public void checkSettings(KeycloakSession session, RealmModel realm, String name, Map<String, String> config) {
        DefaultGroupsSettings.of(name, config);
    }

    private static DefaultGroupsSettings settings(KeycloakSession session, RealmModel realm,
                                                  IdentityProviderMapperModel mapperModel,
                                                  BrokeredIdentityContext login) {
        return settingsOrStop(session, realm, mapperModel, login,
                mapper -> DefaultGroupsSettings.of(mapper.getName(), mapper.getConfig()));
    }
}
