package dev.orgbridge.mapper.idp;

import dev.orgbridge.core.mapping.AssertedValues;
import dev.orgbridge.core.mapping.Assignments;
import dev.orgbridge.core.mapping.RoleDecision;
import dev.orgbridge.core.mapping.RoleMapping;
import dev.orgbridge.support.broker.AssertedAttributes;
import dev.orgbridge.support.config.SettingsReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * "Orgbridge: attribute → role from an allow-list": the value of one claim or SAML attribute grants one role of a
 * table (e.g. the seed's userType: admin, department_admin, manager, sender), the lowest-privilege default otherwise.
 * The user holds exactly one role of the table: a new value replaces the old role.
 */
public final class AttributeToRoleMapper extends OrgbridgeIdpMapper {

    public static final String PROVIDER_ID = "orgbridge-attribute-to-role-idp-mapper";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayCategory() {
        return "Role Importer";
    }

    @Override
    public String getDisplayType() {
        return "Orgbridge: attribute → role from an allow-list";
    }

    @Override
    public String getHelpText() {
        return "The value of a claim or SAML attribute (e.g. userType) grants one role of an allow-list; a missing or "
                + "unknown value grants the lowest-privilege default. The user holds exactly one role of the list.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return RoleMapperSettings.PROPERTIES;
    }

    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm,
                                            IdentityProviderMapperModel mapperModel, BrokeredIdentityContext login) {
        Resolved resolved = resolve(session, realm, mapperModel, login);
        if (!mapsThisLogin(linkedUser(session, realm, login), mapperModel, login)) {
            return;
        }
        if (decide(login, resolved.settings()) instanceof RoleDecision.Deny deny) {
            throw report(session, realm, mapperModel, login, resolved.settings()).denied(deny.denial(), deny.value());
        }
    }

    @Override
    public void importNewUser(KeycloakSession session, RealmModel realm, UserModel user,
                              IdentityProviderMapperModel mapperModel, BrokeredIdentityContext login) {
        apply(session, realm, user, mapperModel, login);
    }

    @Override
    public void updateBrokeredUser(KeycloakSession session, RealmModel realm, UserModel user,
                                   IdentityProviderMapperModel mapperModel, BrokeredIdentityContext login) {
        apply(session, realm, user, mapperModel, login);
    }

    /** Grants the decided role and takes away the table's others (a new user holds none; nothing else is touched). */
    private void apply(KeycloakSession session, RealmModel realm, UserModel user,
                       IdentityProviderMapperModel mapperModel, BrokeredIdentityContext login) {
        Resolved resolved = resolve(session, realm, mapperModel, login);
        MappingReport report = report(session, realm, mapperModel, login, resolved.settings());
        RoleDecision decision = decide(login, resolved.settings());
        if (!(decision instanceof RoleDecision.Grant grant)) {
            return; // denied before Keycloak touched the user
        }
        Set<String> held = resolved.roles().entrySet().stream()
                .filter(role -> user.hasDirectRole(role.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Assignments change = Assignments.between(held, Set.of(grant.role()), true);
        for (String name : change.added()) {
            RoleModel role = resolved.roles().get(name);
            user.grantRole(role);
            report.granted(user, role, grant.value().isEmpty() ? null : grant.value(),
                    grant.cause().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        for (String name : change.removed()) {
            RoleModel role = resolved.roles().get(name);
            user.deleteRoleMapping(role);
            report.revoked(user, role);
        }
        report.warnings(grant.warnings(), user);
    }

    private static RoleDecision decide(BrokeredIdentityContext login, RoleMapperSettings settings) {
        return RoleMapping.decide(AssertedValues.read(AssertedAttributes.values(login, settings.attribute()),
                settings.rule().multiple()), settings.rule());
    }

    @Override
    public void checkSettings(KeycloakSession session, RealmModel realm, String name, Map<String, String> config) {
        checked(session, realm, name, config);
    }

    /** The settings and every role they name, looked up; a role that does not exist is a misconfiguration. */
    private static Resolved checked(KeycloakSession session, RealmModel realm, String name,
                                    Map<String, String> config) {
        RoleMapperSettings settings = RoleMapperSettings.of(name, config);
        Map<String, RoleModel> roles = new LinkedHashMap<>();
        for (String role : settings.rule().managedRoles()) {
            RoleModel found = KeycloakModelUtils.getRoleFromString(session, realm, role);
            if (found == null) {
                String option = role.equals(settings.rule().defaultRole())
                        ? RoleMapperSettings.DEFAULT_ROLE : RoleMapperSettings.ROLES;
                throw SettingsReader.of(subject(name), Map.of())
                        .invalid(option, "names " + role + ", which is not a role of this realm");
            }
            roles.put(role, found);
        }
        return new Resolved(settings, roles);
    }

    private static Resolved resolve(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapperModel,
                                    BrokeredIdentityContext login) {
        return settingsOrStop(session, realm, mapperModel, login,
                mapper -> checked(session, realm, mapper.getName(), mapper.getConfig()));
    }

    private static MappingReport report(KeycloakSession session, RealmModel realm,
                                        IdentityProviderMapperModel mapperModel, BrokeredIdentityContext login,
                                        RoleMapperSettings settings) {
        return new MappingReport(session, realm, mapperModel, login, settings.attribute());
    }

    private record Resolved(RoleMapperSettings settings, Map<String, RoleModel> roles) {
    }
}
