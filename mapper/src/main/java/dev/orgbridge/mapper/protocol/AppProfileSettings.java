package dev.orgbridge.mapper.protocol;

import dev.orgbridge.core.mapping.RoleTable;
import dev.orgbridge.mapper.scope.ScopeKind;
import dev.orgbridge.support.config.InvalidSettingsException;
import dev.orgbridge.support.config.SettingsReader;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The settings both protocol mappers share, which say how the {@link AppProfile} is computed: the role allow-list
 * and where teams live. Parsed once per token; a setting that cannot work is a {@link SettingProblem} and leaves out
 * only what it feeds.
 *
 * @param subject            names the mapper in messages
 * @param organizationWanted whether any organization claim or attribute is emitted
 * @param roles              the allow-list, when the role is emitted and the list is readable and not empty
 * @param teams              where teams live, when teams are emitted and the settings say where
 * @param problems           every setting of the mapper that cannot work
 */
record AppProfileSettings(String subject, boolean organizationWanted, Optional<RoleTable> roles,
                          Optional<TeamSource> teams, List<SettingProblem> problems) {

    static final String ROLES = "roles";
    static final String TEAM_SCOPE = "teamScope";
    static final String TEAM_PARENT_GROUP = "teamParentGroup";

    static final String ROLE_LEFT_OUT = "role left out";
    static final String TEAMS_LEFT_OUT = "teams left out";

    static final ProviderConfigProperty ROLES_PROPERTY = only(ProviderConfigurationBuilder.create()
            .property().name(ROLES).label("Roles")
            .helpText("Value → role, one row each, e.g. admin → app-admin, in order of precedence: the value of the "
                    + "first row whose role the user holds (directly, through a group or a composite role) is handed "
                    + "to the app. A realm role by name, a client role as clientId.role. Empty: no role.")
            .type(ProviderConfigProperty.MAP_TYPE).add());

    static final ProviderConfigProperty TEAM_SCOPE_PROPERTY = only(ProviderConfigurationBuilder.create()
            .property().name(TEAM_SCOPE).label("Team scope")
            .helpText("Where the user's teams are: realm-group (the children of 'Team parent group' the user is a "
                    + "direct member of) or organization (the groups of the user's organization).")
            .type(ProviderConfigProperty.LIST_TYPE).options(SettingsReader.options(ScopeKind.values()))
            .defaultValue(SettingsReader.option(ScopeKind.REALM_GROUP)).add());

    static final ProviderConfigProperty TEAM_PARENT_GROUP_PROPERTY = only(ProviderConfigurationBuilder.create()
            .property().name(TEAM_PARENT_GROUP).label("Team parent group")
            .helpText("For team scope realm-group: the realm group whose direct children are teams, e.g. /teams.")
            .type(ProviderConfigProperty.GROUP_TYPE).add());

    AppProfileSettings {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(teams, "teams");
        problems = List.copyOf(problems);
    }

    /**
     * Reads the shared settings; what is not emitted is not read, so a broken setting for an output the admin left
     * out is no problem.
     *
     * @param problems the mapper's problems found so far; this adds its own
     */
    static AppProfileSettings of(SettingsReader settings, String subject, boolean organizationWanted,
                                 boolean roleWanted, boolean teamsWanted, List<SettingProblem> problems) {
        Optional<RoleTable> roles = Optional.empty();
        if (roleWanted) {
            try {
                roles = roles(settings);
            } catch (InvalidSettingsException e) {
                problems.add(new SettingProblem(e, ROLE_LEFT_OUT));
            }
        }
        Optional<TeamSource> teams = Optional.empty();
        if (teamsWanted) {
            try {
                teams = Optional.of(teams(settings));
            } catch (InvalidSettingsException e) {
                problems.add(new SettingProblem(e, TEAMS_LEFT_OUT));
            }
        }
        return new AppProfileSettings(subject, organizationWanted, roles, teams, problems);
    }

    /** The subject of a protocol mapper's messages. */
    static String subject(ProtocolMapperModel mapper) {
        return "mapper \"" + mapper.getName() + "\"";
    }

    /** A problem found while looking up what the settings name (a role, a group), with what it leaves out. */
    SettingProblem problem(String option, String problem, String consequence) {
        return new SettingProblem(SettingsReader.of(subject, Map.of()).invalid(option, problem), consequence);
    }

    private static Optional<RoleTable> roles(SettingsReader settings) {
        List<RoleTable.Entry> rows = settings.pairs(ROLES).entrySet().stream()
                .map(row -> new RoleTable.Entry(row.getKey(), row.getValue()))
                .toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RoleTable.of(rows, false));
        } catch (IllegalArgumentException e) {
            throw settings.invalid(ROLES, e.getMessage());
        }
    }

    private static TeamSource teams(SettingsReader settings) {
        ScopeKind scope = settings.choice(TEAM_SCOPE, ScopeKind.values(), ScopeKind.REALM_GROUP);
        Optional<String> parent = settings.text(TEAM_PARENT_GROUP);
        if (scope == ScopeKind.REALM_GROUP && parent.isEmpty()) {
            throw settings.invalid(TEAM_PARENT_GROUP, "is required when " + TEAM_SCOPE + " is "
                    + SettingsReader.option(ScopeKind.REALM_GROUP) + ", unless teams are left out (an empty name)");
        }
        return new TeamSource(scope, scope == ScopeKind.REALM_GROUP ? parent : Optional.empty());
    }

    private static ProviderConfigProperty only(ProviderConfigurationBuilder builder) {
        return builder.build().get(0);
    }

    /** Where a mapper's teams live: the children of a realm group, or the groups of the user's organization. */
    record TeamSource(ScopeKind scope, Optional<String> parentGroup) {
    }
}
