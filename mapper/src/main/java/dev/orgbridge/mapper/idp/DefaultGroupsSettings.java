package dev.orgbridge.mapper.idp;

import dev.orgbridge.mapper.scope.ScopeKind;
import dev.orgbridge.support.config.SettingsReader;
import java.util.List;
import java.util.Map;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The settings of "Orgbridge: default groups at first login". */
record DefaultGroupsSettings(ScopeKind scope, List<String> groups) {

    static final String SCOPE = "scope";
    static final String GROUPS = "groups";

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(SCOPE).label("Group scope")
            .helpText("realm-group: the groups are realm group paths, e.g. /customers/all. organization: paths inside "
                    + "the user's organization, e.g. /everyone; skipped for users without an organization.")
            .type(ProviderConfigProperty.LIST_TYPE).options(SettingsReader.options(ScopeKind.values()))
            .defaultValue(SettingsReader.option(ScopeKind.REALM_GROUP)).add()
            .property().name(GROUPS).label("Groups")
            .helpText("The groups every user of this identity provider joins when Keycloak creates the account. "
                    + "Groups that do not exist are skipped with a warning event.")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).required(true).add()
            .build();

    static DefaultGroupsSettings of(String mapperName, Map<String, String> config) {
        SettingsReader settings = SettingsReader.of(OrgbridgeIdpMapper.subject(mapperName), config);
        List<String> groups = settings.values(GROUPS);
        if (groups.isEmpty()) {
            throw settings.invalid(GROUPS, "is required");
        }
        return new DefaultGroupsSettings(settings.choice(SCOPE, ScopeKind.values(), ScopeKind.REALM_GROUP), groups);
    }
}
