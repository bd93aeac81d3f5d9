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
import org.keycloak.models.utils.ReadOnlyUserModelDelegate;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.storage.UserStoragePrivateUtil;

/** Reads users, organizations and groups as they are now, into the records that are sent. */
public final class Subjects {

    private final KeycloakSession session;
    private final RealmModel realm;

    public Subjects(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /**
     * The user as stored now, read past Keycloak's user cache: the worker reads each user once per call, often
     * thousands in a row (a backlog, a re-sync), and caching them would cost more than the read and push out the
     * users who are logging in. As Keycloak's own storage layer does, a managed member of a disabled organization reads
     * as disabled; a user of a user-federation provider is read through Keycloak's user API (its provider may proxy it).
     */
    public Optional<UserModel> userModel(String id) {
        UserModel stored = UserStoragePrivateUtil.userLocalStorage(session).getUserById(realm, id);
        if (stored == null || stored.isFederated()) {
            return Optional.ofNullable(session.users().getUserById(realm, id));
        }
        return Optional.of(disabledByOrganization(stored) ? new ReadOnlyUserModelDelegate(stored, false) : stored);
    }

    /**
     * Keycloak's rule (its user storage layer applies it to every user it serves): a managed member of a disabled
     * organization, or any managed member while organizations are off for the realm, is disabled.
     */
    private boolean disabledByOrganization(UserModel user) {
        OrganizationProvider organizations = organizations();
        return organizations != null && organizations.hasOrganizations() && organizations.getByMember(user)
                .anyMatch(organization -> organization.isManaged(user)
                        && (!organizations.isEnabled() || !organization.isEnabled()));
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
