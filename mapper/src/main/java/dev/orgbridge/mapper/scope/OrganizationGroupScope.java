package dev.orgbridge.mapper.scope;

import dev.orgbridge.core.mapping.GroupRef;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * The groups of one organization (any depth), never its internal membership group. Lookups are Keycloak's
 * organization group search by name, restricted to the organization; an exact name compares equal.
 */
public final class OrganizationGroupScope implements KeycloakGroupScope {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OrganizationModel organization;
    private final OrganizationProvider organizations;

    public OrganizationGroupScope(KeycloakSession session, RealmModel realm, OrganizationModel organization) {
        this.session = session;
        this.realm = realm;
        this.organization = organization;
        this.organizations = session.getProvider(OrganizationProvider.class);
    }

    @Override
    public List<GroupRef> named(String name, boolean ignoreCase) {
        List<GroupRef> exact = GroupLookups.refs(
                organizations.searchGroupsByName(organization, name, true, 0, GroupLookups.MAX_CANDIDATES));
        if (!exact.isEmpty() || !ignoreCase || !GroupLookups.searchable(name)) {
            return exact;
        }
        return GroupLookups.refs(
                organizations.searchGroupsByName(organization, name, false, 0, GroupLookups.MAX_CANDIDATES));
    }

    @Override
    public Set<String> heldBy(UserModel user) {
        String internal = organizations.getOrganizationGroup(organization).getId();
        return organizations.getOrganizationGroupsByMember(organization, user)
                .map(GroupModel::getId)
                .filter(id -> !id.equals(internal))
                .collect(Collectors.toSet());
    }

    @Override
    public Optional<GroupModel> byId(String id) {
        return Optional.ofNullable(session.groups().getGroupById(realm, id));
    }

    @Override
    public GroupModel createOrAdopt(String name) {
        return GroupLookups.createOnce(session, name, describe(), tx -> {
            tx.getContext().setRealm(tx.realms().getRealm(realm.getId()));
            OrganizationProvider txOrganizations = tx.getProvider(OrganizationProvider.class);
            OrganizationModel txOrganization = txOrganizations.getById(organization.getId());
            if (txOrganizations.searchGroupsByName(txOrganization, name, true, 0, 1).findAny().isEmpty()) {
                txOrganizations.createGroup(txOrganization, name, null);
            }
        }, () -> organizations.searchGroupsByName(organization, name, true, 0, 1).findFirst());
    }

    @Override
    public String describe() {
        return "organization " + organization.getAlias();
    }
}
