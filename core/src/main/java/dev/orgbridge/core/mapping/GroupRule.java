package dev.orgbridge.core.mapping;

import java.util.Objects;
import java.util.Optional;

/**
 * How a group mapper maps values to groups of its scope.
 *
 * @param ignoreCase   whether {@code sales} selects a group named {@code Sales}; an exact match always wins
 * @param defaultGroup the group (by name, in the scope) for users whose attribute is missing
 * @param unknown      what a value naming no group of the scope does; the default group follows it too
 * @param multiple     what several values do
 */
public record GroupRule(boolean ignoreCase, Optional<String> defaultGroup, UnknownGroupAction unknown,
                        MultipleValues multiple) {

    public GroupRule {
        Objects.requireNonNull(defaultGroup, "defaultGroup");
        Objects.requireNonNull(unknown, "unknown");
        Objects.requireNonNull(multiple, "multiple");
    }

    /** Case-sensitive, no default group, unknown values ignored, every value mapped. */
    public static GroupRule defaults() {
        return new GroupRule(false, Optional.empty(), UnknownGroupAction.DEFAULT, MultipleValues.ALL);
    }
}
