package dev.orgbridge.mapper.scope;

import dev.orgbridge.core.mapping.GroupScope;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/** A mapper's scope in Keycloak: lookups by name, the user's memberships inside it, and group creation. */
public interface KeycloakGroupScope extends GroupScope {

    /** Ids of the scope's groups the user is a direct member of; memberships elsewhere are never listed. */
    Set<String> heldBy(UserModel user);

    Optional<GroupModel> byId(String id);

    /** Creates a group of that name directly under the scope; when another login just did, returns that one. */
    GroupModel createOrAdopt(String name);

    /** For events and logs: {@code /teams} or {@code organization acme-com}. */
    String describe();
}
