package dev.orgbridge.delivery.targets;

import dev.orgbridge.core.provisioning.GroupData;
import dev.orgbridge.core.provisioning.OrganizationData;
import dev.orgbridge.core.provisioning.ProvisioningScope;
import dev.orgbridge.core.provisioning.UserData;
import dev.orgbridge.core.provisioning.UserRef;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.organization.OrganizationProvider;

/** Reads users, organizations and groups as they are now, into the records that are sent. */
public final class Subjects {

    private final KeycloakSession session;
    private final RealmModel realm;

    public Subjects(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public Optional<UserModel> userModel(String id) {
        return Optional.ofNullable(session.users().getUserById(realm, id));
    }

    public Optional<UserData> user(String id) {
        return userModel(id).map(user -> new UserData(user.getId(), user.getUsername(), user.getEmail(),
                user.getFirstName(), user.getLastName(), user.isEnabled(), user.isEmailVerified()));
    }

    public Optional<UserRef> userRef(String id) {
        return userModel(id).map(user -> new UserRef(user.getId(), user.getUsername()));
    }

    public Optional<OrganizationData> organization(String id) {
        return Optional.ofNullable(organizations().getById(id)).map(Subjects::organization);
    }

    public Optional<GroupData> group(String id) {
        GroupModel group = session.groups().getGroupById(realm, id);
        return Optional.ofNullable(group).map(g -> new GroupData(g.getId(), ModelToRepresentation.buildGroupPath(g)));
    }

    /** The aliases of the organizations the user is a member of. */
    public Set<String> organizationAliases(UserModel user) {
        return organizations().getByMember(user).map(OrganizationModel::getAlias).collect(Collectors.toSet());
    }

    /** What a target's scope looks at: the user's organizations, groups (by path) and identity providers. */
    public ProvisioningScope.Memberships memberships(UserModel user) {
        return new ProvisioningScope.Memberships(organizationAliases(user),
                user.getGroupsStream().map(ModelToRepresentation::buildGroupPath).collect(Collectors.toSet()),
                session.users().getFederatedIdentitiesStream(realm, user).map(FederatedIdentityModel::getIdentityProvider)
                        .collect(Collectors.toSet()));
    }

    private OrganizationProvider organizations() {
        return session.getProvider(OrganizationProvider.class);
    }

    private static OrganizationData organization(OrganizationModel organization) {
        return new OrganizationData(organization.getId(), organization.getAlias(), organization.getName());
    }
}
