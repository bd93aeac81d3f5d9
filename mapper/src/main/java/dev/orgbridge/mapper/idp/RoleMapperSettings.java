package dev.orgbridge.mapper.idp;

import dev.orgbridge.core.mapping.MultipleValues;
import dev.orgbridge.core.mapping.RoleRule;
import dev.orgbridge.core.mapping.RoleTable;
import dev.orgbridge.core.mapping.UnknownRoleAction;
import dev.orgbridge.support.config.SettingsReader;
import java.util.List;
import java.util.Map;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The settings of "Orgbridge: attribute → role from an allow-list", parsed once per login. */
record RoleMapperSettings(String attribute, RoleRule rule) {

    static final String ATTRIBUTE = "attribute";
    static final String ROLES = "roles";
    static final String DEFAULT_ROLE = "defaultRole";
    static final String IGNORE_CASE = "ignoreCase";
    static final String UNKNOWN_VALUE = "unknownValue";
    static final String MULTIPLE_VALUES = "multipleValues";

    /** Only these two: a user holds one role of the allow-list. */
    private static final MultipleValues[] ONE_VALUE = {MultipleValues.FIRST, MultipleValues.DENY};

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(ATTRIBUTE).label("Attribute")
            .helpText("Claim (OIDC) or attribute (SAML, by name or friendly name) whose value picks the role, e.g. "
                    + "userType.")
            .type(ProviderConfigProperty.STRING_TYPE).required(true).add()
            .property().name(ROLES).label("Allow-list")
            .helpText("Value → role, one row each, e.g. admin → app-admin. A realm role by name, a client role as "
                    + "clientId.role. The user holds exactly one role of this list and the default: a change at the "
                    + "identity provider replaces the old role (sync mode Force).")
            .type(ProviderConfigProperty.MAP_TYPE).required(true).add()
            .property().name(DEFAULT_ROLE).label("Default role")
            .helpText("The lowest-privilege role, granted when the attribute is missing, and for values outside the "
                    + "allow-list unless they deny.")
            .type(ProviderConfigProperty.ROLE_TYPE).required(true).add()
            .property().name(IGNORE_CASE).label("Ignore case")
            .helpText("Whether 'Admin' matches the row 'admin'.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
            .property().name(UNKNOWN_VALUE).label("Value outside the allow-list")
            .helpText("default-role: grant the default role (a warning event). deny: the login stops with a page.")
            .type(ProviderConfigProperty.LIST_TYPE).options(SettingsReader.options(UnknownRoleAction.values()))
            .defaultValue(SettingsReader.option(UnknownRoleAction.DEFAULT)).add()
            .property().name(MULTIPLE_VALUES).label("Several values")
            .helpText("first: the first value picks the role (the others in a warning event). deny: the login stops "
                    + "with a page.")
            .type(ProviderConfigProperty.LIST_TYPE).options(SettingsReader.options(ONE_VALUE))
            .defaultValue(SettingsReader.option(MultipleValues.FIRST)).add()
            .build();

    static RoleMapperSettings of(String mapperName, Map<String, String> config) {
        SettingsReader settings = SettingsReader.of(OrgbridgeIdpMapper.subject(mapperName), config);
        boolean ignoreCase = settings.bool(IGNORE_CASE, false);
        List<RoleTable.Entry> rows = settings.pairs(ROLES).entrySet().stream()
                .map(row -> new RoleTable.Entry(row.getKey(), row.getValue()))
                .toList();
        if (rows.isEmpty()) {
            throw settings.invalid(ROLES, "is required");
        }
        RoleTable table;
        try {
            table = RoleTable.of(rows, ignoreCase);
        } catch (IllegalArgumentException e) {
            throw settings.invalid(ROLES, e.getMessage());
        }
        MultipleValues multiple = settings.choice(MULTIPLE_VALUES, ONE_VALUE, MultipleValues.FIRST);
        return new RoleMapperSettings(settings.required(ATTRIBUTE), new RoleRule(table, settings.required(DEFAULT_ROLE),
                settings.choice(UNKNOWN_VALUE, UnknownRoleAction.values(), UnknownRoleAction.DEFAULT), multiple));
    }
}
