package dev.orgbridge.mapper.scope;

import dev.orgbridge.core.mapping.GroupRef;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/** What the two scopes share: bounds on case-insensitive searches, and conversion to {@link GroupRef}. */
final class GroupLookups {

    /**
     * Most candidates a case-insensitive lookup reads. Keycloak's search matches a name prefix ignoring case; the
     * exact comparison happens in core, so a prefix shared by more groups than this can hide a case variant.
     */
    static final int MAX_CANDIDATES = 50;

    private static final Logger LOG = Logger.getLogger(GroupLookups.class);

    private GroupLookups() {
    }

    /** Keycloak's name searches read {@code *} as a wildcard and cannot escape it: such values get exact lookups only. */
    static boolean searchable(String name) {
        return name.indexOf('*') < 0;
    }

    /**
     * Creates a group in its own transaction unless it exists, then finds it in this session. Concurrent first logins
     * with the same new value race on Keycloak's unique names: one creates, the others find the winner's group.
     */
    static GroupModel createOnce(KeycloakSession session, String name, String scope, Consumer<KeycloakSession> create,
                                 Supplier<Optional<GroupModel>> find) {
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), create::accept);
        } catch (RuntimeException raceLost) {
            LOG.debugf("Group %s in %s was created concurrently: %s", name, scope, raceLost.getMessage());
        }
        return find.get().orElseThrow(() -> new IllegalStateException("group " + name + " could not be created in "
                + scope));
    }

    static List<GroupRef> refs(Stream<GroupModel> groups) {
        return groups.map(group -> new GroupRef(group.getId(), group.getName())).toList();
    }
}
