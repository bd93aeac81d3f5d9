package dev.orgbridge.mapper.idp;

import dev.orgbridge.core.mapping.GroupRule;
import dev.orgbridge.core.mapping.MultipleValues;
import dev.orgbridge.core.mapping.UnknownGroupAction;
import dev.orgbridge.mapper.scope.ScopeKind;
import dev.orgbridge.support.config.SettingsReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The settings of "Orgbridge: attribute → group by name", parsed once per login. */
record GroupMapperSettings(String attribute, ScopeKind scope, Optional<String> parentGroup, GroupRule rule) {

    static final String ATTRIBUTE = "attribute";
    static final String SCOPE = "scope";
    static final String PARENT_GROUP = "parentGroup";
    static final String IGNORE_CASE = "ignoreCase";
    static final String DEFAULT_GROUP = "defaultGroup";
    static final String UNKNOWN_VALUE = "unknownValue";
    static final String MULTIPLE_VALUES = "multipleValues";

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(ATTRIBUTE).label("Attribute")
            .helpText("Claim (OIDC) or attribute (SAML, by name or friendly name) whose values name groups, e.g. "
                    + "division. Each value selects the group with exactly that name in the scope.")
            .type(ProviderConfigProperty.STRING_TYPE).required(true).add()
            .property().name(SCOPE).label("Group scope")
            .helpText("Where the groups are looked up, created and, with sync mode Force, removed: realm-group (the "
                    + "children of 'Parent group') or organization (the groups of the user's organization). "
                    + "Memberships outside the scope are never touched.")
            .type(ProviderConfigProperty.LIST_TYPE).options(SettingsReader.options(ScopeKind.values()))
            .defaultValue(SettingsReader.option(ScopeKind.REALM_GROUP)).add()
            .property().name(PARENT_GROUP).label("Parent group")
            .helpText("For scope realm-group: the realm group whose direct children the values name, e.g. /teams.")
            .type(ProviderConfigProperty.GROUP_TYPE).add()
            .property().name(IGNORE_CASE).label("Ignore case")
            .helpText("Whether 'sales' selects the group 'Sales'. An exact match always wins; names differing only in "
                    + "case make a value ambiguous (ignored with a warning).")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
            .property().name(DEFAULT_GROUP).label("Default group")
            .helpText("Name of the group (in the scope) for users whose identity provider sends no value, e.g. the "
                    + "team chosen for just-in-time logins. Empty: no group.")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(UNKNOWN_VALUE).label("Value without a group")
            .helpText("What a value naming no group of the scope does: ignore (a warning event), create (a new group "
                    + "in the scope; values with '/' or '.'/'..' are never created) or deny (the login stops with a "
                    + "page).")
            .type(ProviderConfigProperty.LIST_TYPE).options(SettingsReader.options(UnknownGroupAction.values()))
            .defaultValue(SettingsReader.option(UnknownGroupAction.DEFAULT)).add()
            .property().name(MULTIPLE_VALUES).label("Several values")
            .helpText("all: every value selects a group. first: only the first (the others in a warning event). "
                    + "deny: the login stops with a page.")
            .type(ProviderConfigProperty.LIST_TYPE).options(SettingsReader.options(MultipleValues.values()))
            .defaultValue(SettingsReader.option(MultipleValues.ALL)).add()
            .build();

    static GroupMapperSettings of(String mapperName, Map<String, String> config) {
        SettingsReader settings = SettingsReader.of(OrgbridgeIdpMapper.subject(mapperName), config);
        ScopeKind scope = settings.choice(SCOPE, ScopeKind.values(), ScopeKind.REALM_GROUP);
        Optional<String> parent = settings.text(PARENT_GROUP);
        if (scope == ScopeKind.REALM_GROUP && parent.isEmpty()) {
            throw settings.invalid(PARENT_GROUP, "is required when " + SCOPE + " is realm-group");
        }
        GroupRule rule = new GroupRule(settings.bool(IGNORE_CASE, false), settings.text(DEFAULT_GROUP),
                settings.choice(UNKNOWN_VALUE, UnknownGroupAction.values(), UnknownGroupAction.DEFAULT),
                settings.choice(MULTIPLE_VALUES, MultipleValues.values(), MultipleValues.ALL));
        return new GroupMapperSettings(settings.required(ATTRIBUTE), scope, parent, rule);
    }
}
