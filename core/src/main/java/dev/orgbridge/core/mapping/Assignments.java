package dev.orgbridge.core.mapping;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The change that makes a user's assignments inside one mapper's scope equal its target. Assignments outside the
 * scope are not part of {@code current} and so are never touched.
 *
 * @param added   targets the user does not hold yet
 * @param removed held assignments of the scope that the target no longer has (empty unless syncing)
 */
public record Assignments(Set<String> added, Set<String> removed) {

    public Assignments {
        added = Set.copyOf(added);
        removed = Set.copyOf(removed);
    }

    /**
     * @param current what the user holds inside the scope (group ids, role names…)
     * @param target  what the mapper decided
     * @param sync    whether to remove what is no longer asserted (Keycloak's FORCE sync mode); off at import
     */
    public static Assignments between(Set<String> current, Set<String> target, boolean sync) {
        Set<String> added = new LinkedHashSet<>(target);
        added.removeAll(current);
        Set<String> removed = new LinkedHashSet<>();
        if (sync) {
            removed.addAll(current);
            removed.removeAll(target);
        }
        return new Assignments(added, removed);
    }

    public boolean none() {
        return added.isEmpty() && removed.isEmpty();
    }
}
