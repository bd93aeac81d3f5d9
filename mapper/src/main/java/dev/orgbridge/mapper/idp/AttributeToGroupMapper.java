package dev.orgbridge.mapper.idp;

import dev.orgbridge.core.mapping.AssertedValues;
import dev.orgbridge.core.mapping.Assignments;
import dev.orgbridge.core.mapping.GroupChoice;
import dev.orgbridge.core.mapping.GroupMapping;
import dev.orgbridge.core.mapping.GroupPlan;
import dev.orgbridge.core.mapping.GroupScope;
import dev.orgbridge.mapper.scope.KeycloakGroupScope;
import dev.orgbridge.mapper.scope.ScopeKind;
import dev.orgbridge.mapper.scope.Scopes;
import dev.orgbridge.support.broker.AssertedAttributes;
import dev.orgbridge.support.config.SettingsReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * "Orgbridge: attribute → group by name": each value of one claim or SAML attribute puts the user in the group of
 * exactly that name inside one scope (the children of a realm group, or the groups of the user's organization).
 */
public final class AttributeToGroupMapper extends OrgbridgeIdpMapper {

    public static final String PROVIDER_ID = "orgbridge-attribute-to-group-idp-mapper";

    private static final Logger LOG = Logger.getLogger(AttributeToGroupMapper.class);

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
        return "Orgbridge: attribute → group by name";
    }

    @Override
    public String getHelpText() {
        return "Each value of a claim or SAML attribute (e.g. division) puts the user in the group of exactly that "
                + "name among the children of a realm group or the groups of the user's organization; a default "
                + "group when the attribute is missing.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return GroupMapperSettings.PROPERTIES;
    }

    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm,
                                            IdentityProviderMapperModel mapperModel, BrokeredIdentityContext login) {
        Checked checked = settings(session, realm, mapperModel, login);
        GroupMapperSettings settings = checked.settings();
        Optional<UserModel> linked = linkedUser(session, realm, login);
        if (!mapsThisLogin(linked, mapperModel, login)) {
            return;
        }
        Optional<KeycloakGroupScope> scope = checked.scope(() -> linked.isPresent()
                ? Scopes.organizationOf(session, realm, linked.get(), login.getAuthenticationSession())
                : Scopes.organizationOwning(session, realm, login.getEmail()));
        if (scope.isEmpty()) {
            return;
        }
        if (plan(login, settings, scope.get()) instanceof GroupPlan.Deny deny) {
            throw report(session, realm, mapperModel, login, settings).denied(deny.denial(), deny.value());
        }
    }

    @Override
    public void importNewUser(KeycloakSession session, RealmModel realm, UserModel user,
                              IdentityProviderMapperModel mapperModel, BrokeredIdentityContext login) {
        apply(session, realm, user, mapperModel, login, false);
    }

    @Override
    public void updateBrokeredUser(KeycloakSession session, RealmModel realm, UserModel user,
                                   IdentityProviderMapperModel mapperModel, BrokeredIdentityContext login) {
        apply(session, realm, user, mapperModel, login, true);
    }

    private void apply(KeycloakSession session, RealmModel realm, UserModel user,
                       IdentityProviderMapperModel mapperModel, BrokeredIdentityContext login, boolean sync) {
        Checked checked = settings(session, realm, mapperModel, login);
        GroupMapperSettings settings = checked.settings();
        MappingReport report = report(session, realm, mapperModel, login, settings);
        Optional<KeycloakGroupScope> found = checked.scope(
                () -> Scopes.organizationOf(session, realm, user, login.getAuthenticationSession()));
        if (found.isEmpty()) {
            LOG.debugf("Mapper '%s': user %s has no organization; no groups mapped", mapperModel.getName(),
                    user.getId());
            return;
        }
        KeycloakGroupScope scope = found.get();
        GroupPlan plan = plan(login, settings, scope);
        if (plan instanceof GroupPlan.Deny deny) {
            // only reachable when this very login created the organization: checked before it existed
            LOG.warnf("Mapper '%s': cannot deny user %s any more (%s in %s, created by this login); no groups mapped",
                    mapperModel.getName(), user.getId(), deny.denial().errorCode(), scope.describe());
            report.warnings(deny.warnings(), user);
            return;
        }
        Map<String, GroupChoice> target = new LinkedHashMap<>();
        for (GroupChoice choice : ((GroupPlan.Assign) plan).groups()) {
            String id = choice.existing().isPresent() ? choice.existing().get().id()
                    : scope.createOrAdopt(choice.name()).getId();
            target.putIfAbsent(id, choice);
        }
        Assignments change = Assignments.between(scope.heldBy(user), target.keySet(), sync);
        for (String id : change.added()) {
            scope.byId(id).ifPresent(group -> {
                user.joinGroup(group);
                GroupChoice choice = target.get(id);
                report.joined(user, group, choice.value(), cause(choice));
            });
        }
        for (String id : change.removed()) {
            scope.byId(id).ifPresent(group -> {
                user.leaveGroup(group);
                report.left(user, group);
            });
        }
        report.warnings(plan.warnings(), user);
    }

    private static String cause(GroupChoice choice) {
        String cause = choice.cause().name().toLowerCase(Locale.ROOT);
        return choice.toBeCreated() ? cause + "-created" : cause;
    }

    private static GroupPlan plan(BrokeredIdentityContext login, GroupMapperSettings settings, GroupScope scope) {
        return GroupMapping.plan(AssertedValues.read(AssertedAttributes.values(login, settings.attribute()),
                settings.rule().multiple()), settings.rule(), scope);
    }

    @Override
    public void checkSettings(KeycloakSession session, RealmModel realm, String name, Map<String, String> config) {
        checked(session, realm, name, config);
    }

    /** The mapper's settings and, for a realm-group scope, the scope itself: its parent group is looked up once. */
    private static Checked checked(KeycloakSession session, RealmModel realm, String name,
                                   Map<String, String> config) {
        GroupMapperSettings settings = GroupMapperSettings.of(name, config);
        if (settings.scope() != ScopeKind.REALM_GROUP) {
            return new Checked(settings, Optional.empty());
        }
        Optional<KeycloakGroupScope> scope = Scopes.realmGroup(session, realm, settings.parentGroup().orElseThrow());
        if (scope.isEmpty()) {
            throw SettingsReader.of(subject(name), Map.of()).invalid(GroupMapperSettings.PARENT_GROUP,
                    "names " + settings.parentGroup().get() + ", which is not a group of this realm");
        }
        return new Checked(settings, scope);
    }

    private record Checked(GroupMapperSettings settings, Optional<KeycloakGroupScope> realmScope) {

        /** The scope of this login: the realm group's, or the organization's the supplier finds. */
        Optional<KeycloakGroupScope> scope(Supplier<Optional<KeycloakGroupScope>> organization) {
            return settings.scope() == ScopeKind.ORGANIZATION ? organization.get() : realmScope;
        }
    }

    private static Checked settings(KeycloakSession session, RealmModel realm,
                                                IdentityProviderMapperModel mapperModel,
                                                BrokeredIdentityContext login) {
        return settingsOrStop(session, realm, mapperModel, login,
                mapper -> checked(session, realm, mapper.getName(), mapper.getConfig()));
    }

    private static MappingReport report(KeycloakSession session, RealmModel realm,
                                        IdentityProviderMapperModel mapperModel, BrokeredIdentityContext login,
                                        GroupMapperSettings settings) {
        return new MappingReport(session, realm, mapperModel, login, settings.attribute());
    }
}
