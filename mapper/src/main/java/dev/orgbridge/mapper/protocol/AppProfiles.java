package dev.orgbridge.mapper.protocol;

import dev.orgbridge.core.mapping.RoleTable;
import dev.orgbridge.core.mapping.Shown;
import dev.orgbridge.mapper.protocol.AppProfileSettings.TeamSource;
import dev.orgbridge.mapper.scope.KeycloakGroupScope;
import dev.orgbridge.mapper.scope.ScopeKind;
import dev.orgbridge.mapper.scope.Scopes;
import dev.orgbridge.support.organization.OrganizationDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.ProtocolMapperConfigException;

/**
 * Computes a user's {@link AppProfile} from Keycloak's models, for one protocol mapper. The ID token, access token
 * and userinfo of one request share one computation (a session attribute), so each misconfiguration is logged once
 * per request, as one ERROR naming the mapper and the option; the token itself never fails.
 */
final class AppProfiles {

    private static final Logger LOG = Logger.getLogger(AppProfiles.class);
    private static final String CACHE_PREFIX = "orgbridge.app-profile.";
    private static final String INVALID_SETTINGS_KEY = "orgbridgeInvalidMapperSettings";

    private AppProfiles() {
    }

    /** The profile of the user for this mapper, computed once per request. */
    static AppProfile of(KeycloakSession session, ProtocolMapperModel mapper, AppProfileSettings settings,
                         UserModel user) {
        String key = CACHE_PREFIX + (mapper.getId() == null ? mapper.getName() : mapper.getId()) + "." + user.getId();
        AppProfile cached = session.getAttribute(key, AppProfile.class);
        if (cached != null) {
            return cached;
        }
        RealmModel realm = session.getContext().getRealm();
        List<SettingProblem> problems = new ArrayList<>(settings.problems());
        AppProfile profile = new AppProfile(
                settings.organizationWanted() ? organization(session, user) : Optional.empty(),
                settings.roles().flatMap(table -> role(session, realm, settings, table, user, problems)),
                settings.teams().map(source -> teams(session, realm, settings, source, user, problems))
                        .orElse(List.of()));
        for (SettingProblem problem : problems) {
            LOG.errorf("Realm %s, client %s: %s", Shown.of(realm.getName()), clientOf(session),
                    loggable(problem.message()));
        }
        session.setAttribute(key, profile);
        return profile;
    }

    /**
     * For the admin console and REST API: refuses settings that cannot work, including roles and groups that do not
     * exist. Realm imports skip this check; their problems show in the log at the first token.
     */
    static void check(KeycloakSession session, RealmModel realm, AppProfileSettings settings)
            throws ProtocolMapperConfigException {
        List<SettingProblem> problems = new ArrayList<>(settings.problems());
        settings.roles().ifPresent(table -> roles(session, realm, settings, table, problems));
        settings.teams().filter(source -> source.scope() == ScopeKind.REALM_GROUP)
                .ifPresent(source -> parent(session, realm, settings, source, problems));
        if (!problems.isEmpty()) {
            String message = problems.stream().map(problem -> problem.error().getMessage())
                    .collect(Collectors.joining("; "));
            // the message is also the pattern the admin API formats: quote what MessageFormat would read
            throw new ProtocolMapperConfigException(
                    message.replace("'", "''").replace("{", "'{'").replace("}", "'}'"), INVALID_SETTINGS_KEY);
        }
    }

    private static Optional<AppOrganization> organization(KeycloakSession session, UserModel user) {
        OrganizationDirectory directory = new OrganizationDirectory(session);
        if (!directory.enabled()) {
            return Optional.empty();
        }
        return directory.ofMember(user, null)
                .filter(OrganizationModel::isEnabled)
                .map(organization -> new AppOrganization(organization.getId(), organization.getAlias(),
                        organization.getName(), AppOrganization.domainFor(organization.getDomains()
                                .map(OrganizationDomainModel::getName).toList(), user.getEmail())));
    }

    /** The value of the first row whose role the user holds (effectively: groups and composites count). */
    private static Optional<String> role(KeycloakSession session, RealmModel realm, AppProfileSettings settings,
                                         RoleTable table, UserModel user, List<SettingProblem> problems) {
        return roles(session, realm, settings, table, problems).flatMap(roles -> table.valueHeld(
                roles.entrySet().stream()
                        .filter(role -> user.hasRole(role.getValue()))
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toSet())));
    }

    /** The table's roles by name; empty, with a problem, when one of them does not exist. */
    private static Optional<Map<String, RoleModel>> roles(KeycloakSession session, RealmModel realm,
                                                          AppProfileSettings settings, RoleTable table,
                                                          List<SettingProblem> problems) {
        Map<String, RoleModel> roles = new LinkedHashMap<>();
        for (String name : table.roles()) {
            RoleModel role = KeycloakModelUtils.getRoleFromString(session, realm, name);
            if (role == null) {
                problems.add(settings.problem(AppProfileSettings.ROLES, "names " + Shown.of(name)
                        + ", which is not a role of this realm", AppProfileSettings.ROLE_LEFT_OUT));
                return Optional.empty();
            }
            roles.put(name, role);
        }
        return Optional.of(roles);
    }

    /** Names of the user's groups in the team scope, alphabetically; none when the scope is unusable. */
    private static List<String> teams(KeycloakSession session, RealmModel realm, AppProfileSettings settings,
                                      TeamSource source, UserModel user, List<SettingProblem> problems) {
        Optional<KeycloakGroupScope> scope = source.scope() == ScopeKind.ORGANIZATION
                ? Scopes.organizationOf(session, realm, user, null)
                : parent(session, realm, settings, source, problems);
        return scope.map(found -> found.heldBy(user).stream()
                        .map(found::byId)
                        .flatMap(Optional::stream)
                        .map(GroupModel::getName)
                        .sorted()
                        .toList())
                .orElse(List.of());
    }

    private static Optional<KeycloakGroupScope> parent(KeycloakSession session, RealmModel realm,
                                                       AppProfileSettings settings, TeamSource source,
                                                       List<SettingProblem> problems) {
        String path = source.parentGroup().orElseThrow();
        Optional<KeycloakGroupScope> scope = Scopes.realmGroup(session, realm, path);
        if (scope.isEmpty()) {
            problems.add(settings.problem(AppProfileSettings.TEAM_PARENT_GROUP, "names " + Shown.of(path)
                    + ", which is not a group of this realm", AppProfileSettings.TEAMS_LEFT_OUT));
        }
        return scope;
    }

    private static String clientOf(KeycloakSession session) {
        ClientModel client = session.getContext().getClient();
        return client == null ? "-" : Shown.of(client.getClientId());
    }

    /** One log line: no control characters (the message quotes admin-entered values). */
    private static String loggable(String message) {
        StringBuilder line = new StringBuilder(message.length());
        message.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) ? '\uFFFD' : c));
        return line.toString();
    }
}
