package dev.orgbridge.delivery.scim;

import dev.orgbridge.core.provisioning.scim.ScimGroup;
import dev.orgbridge.core.provisioning.scim.ScimUserSource;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/** Keycloak's users and groups as the SCIM client takes them; call at send time, so the current state goes out. */
public final class ScimSubjects {

    private ScimSubjects() {
    }

    /** The user's own fields and all its attributes (the mapping picks what it needs). */
    public static ScimUserSource user(UserModel user) {
        return new ScimUserSource(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(),
                user.getLastName(), user.isEnabled(), user.getAttributes());
    }

    /** The group by its name: what downstream systems show (its path is Keycloak's own structure). */
    public static ScimGroup group(GroupModel group) {
        return new ScimGroup(group.getId(), group.getName());
    }
}
