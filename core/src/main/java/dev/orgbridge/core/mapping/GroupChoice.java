package dev.orgbridge.core.mapping;

import java.util.Objects;
import java.util.Optional;

/**
 * One group a mapper assigns, and why.
 *
 * @param existing the group, unless the mapper is to create it in the scope
 * @param name     the group's name (the existing group's, or the one to create)
 * @param value    the asserted value that selected it; for the default group, its configured name
 * @param cause    whether the value was asserted or the default applied
 */
public record GroupChoice(Optional<GroupRef> existing, String name, String value, Cause cause) {

    public enum Cause {
        /** The identity provider asserted the value. */
        ASSERTED,
        /** The attribute was missing: the mapper's default group. */
        DEFAULT
    }

    public GroupChoice {
        Objects.requireNonNull(existing, "existing");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(cause, "cause");
    }

    static GroupChoice of(GroupRef group, String value, Cause cause) {
        return new GroupChoice(Optional.of(group), group.name(), value, cause);
    }

    static GroupChoice toCreate(String name, Cause cause) {
        return new GroupChoice(Optional.empty(), name, name, cause);
    }

    /** Whether the group does not exist yet and the mapper creates it. */
    public boolean toBeCreated() {
        return existing.isEmpty();
    }
}
