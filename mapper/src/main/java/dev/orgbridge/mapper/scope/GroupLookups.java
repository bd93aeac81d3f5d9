package dev.orgbridge.mapper.scope;

import dev.orgbridge.core.mapping.GroupRef;
import java.util.List;
import java.util.stream.Stream;
import org.keycloak.models.GroupModel;

/** What the two scopes share: bounds on case-insensitive searches, and conversion to {@link GroupRef}. */
final class GroupLookups {

    /**
     * Most candidates a case-insensitive lookup reads. Keycloak's search matches a name prefix ignoring case; the
     * exact comparison happens in core, so a prefix shared by more groups than this can hide a case variant.
     */
    static final int MAX_CANDIDATES = 50;

    private GroupLookups() {
    }

    /** Keycloak's name searches read {@code *} as a wildcard and cannot escape it: such values get exact lookups only. */
    static boolean searchable(String name) {
        return name.indexOf('*') < 0;
    }

    static List<GroupRef> refs(Stream<GroupModel> groups) {
        return groups.map(group -> new GroupRef(group.getId(), group.getName())).toList();
    }
}
