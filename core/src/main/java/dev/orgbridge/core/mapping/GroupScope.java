package dev.orgbridge.core.mapping;

import java.util.List;

/**
 * The groups one mapper may assign: the children of a realm group, or the groups of the user's organization. The
 * adapter answers by name with indexed lookups; a name is only ever compared with group names, never read as a path.
 */
public interface GroupScope {

    /**
     * The scope's groups whose name equals {@code name}, or equals it ignoring case when {@code ignoreCase}; at most a
     * few (names are unique among siblings, but an organization may reuse a name at different depths).
     */
    List<GroupRef> named(String name, boolean ignoreCase);

    /** A scope without groups: the user has no organization, or it has none yet. */
    GroupScope EMPTY = (name, ignoreCase) -> List.of();
}
