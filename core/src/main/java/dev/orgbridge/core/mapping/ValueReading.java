package dev.orgbridge.core.mapping;

import java.util.List;
import java.util.Optional;

/**
 * An attribute's values after cleaning: what a mapper maps, what it left out and why, or why the login stops.
 *
 * @param values   clean values in the order the identity provider sent them; empty when the attribute is missing
 * @param warnings what was left out
 * @param denial   present when the values cannot be mapped under the mapper's policy
 */
public record ValueReading(List<String> values, List<MappingWarning> warnings, Optional<MappingDenial> denial) {

    public ValueReading {
        values = List.copyOf(values);
        warnings = List.copyOf(warnings);
    }

    /** No usable value: the attribute was not sent, or only empty or rejected values. */
    public boolean missing() {
        return values.isEmpty();
    }
}
