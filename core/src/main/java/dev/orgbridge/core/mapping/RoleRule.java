package dev.orgbridge.core.mapping;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a role mapper grants one role of its allow-list.
 *
 * @param table       value → role
 * @param defaultRole the lowest-privilege role, granted when the attribute is missing (and for unknown values unless
 *                    they deny); need not be in the table
 * @param unknown     what a value outside the table does
 * @param multiple    what several values do: {@link MultipleValues#FIRST} or {@link MultipleValues#DENY}
 */
public record RoleRule(RoleTable table, String defaultRole, UnknownRoleAction unknown, MultipleValues multiple) {

    public RoleRule {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(defaultRole, "defaultRole");
        Objects.requireNonNull(unknown, "unknown");
        Objects.requireNonNull(multiple, "multiple");
        if (defaultRole.isBlank()) {
            throw new IllegalArgumentException("a role mapper needs a default role");
        }
        if (multiple == MultipleValues.ALL) {
            throw new IllegalArgumentException("a role mapper grants one role: several values take the first or deny");
        }
    }

    /** The roles this mapper manages: the table's and the default. A user holds exactly one of them. */
    public Set<String> managedRoles() {
        Set<String> roles = new LinkedHashSet<>(table.roles());
        roles.add(defaultRole);
        return roles;
    }
}
