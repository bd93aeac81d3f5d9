package dev.orgbridge.mapper.scope;

import dev.orgbridge.core.mapping.GroupRef;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The children of one realm group. Lookups are by name under that parent: an exact name is one query on Keycloak's
 * unique (realm, parent, name) index; a case-insensitive miss reads the parent's children whose name starts with the
 * value, ignoring case. No lookup lists the realm's groups.
 */
public final class RealmGroupScope implements KeycloakGroupScope {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final GroupModel parent;

    public RealmGroupScope(KeycloakSession session, RealmModel realm, GroupModel parent) {
        this.session = session;
        this.realm = realm;
        this.parent = parent;
    }

    @Override
    public List<GroupRef> named(String name, boolean ignoreCase) {
        GroupModel exact = session.groups().getGroupByName(realm, parent, name);
        if (exact != null) {
            return GroupLookups.refs(Stream.of(exact));
        }
        if (!ignoreCase || !GroupLookups.searchable(name)) {
            return List.of();
        }
        return GroupLookups.refs(parent.getSubGroupsStream(name, false, 0, GroupLookups.MAX_CANDIDATES));
    }

    @Override
    public Set<String> heldBy(UserModel user) {
        return user.getGroupsStream()
                .filter(group -> parent.getId().equals(group.getParentId()))
                .map(GroupModel::getId)
                .collect(Collectors.toSet());
    }

    @Override
    public Optional<GroupModel> byId(String id) {
        return Optional.ofNullable(session.groups().getGroupById(realm, id));
    }

    @Override
    public GroupModel createOrAdopt(String name) {
        return GroupLookups.createOnce(session, name, describe(), tx -> {
            RealmModel txRealm = tx.realms().getRealm(realm.getId());
            GroupModel txParent = tx.groups().getGroupById(txRealm, parent.getId());
            if (tx.groups().getGroupByName(txRealm, txParent, name) == null) {
                tx.groups().createGroup(txRealm, name, txParent);
            }
        }, () -> Optional.ofNullable(session.groups().getGroupByName(realm, parent, name)));
    }

    @Override
    public String describe() {
        return KeycloakModelUtils.buildGroupPath(parent);
    }
}
