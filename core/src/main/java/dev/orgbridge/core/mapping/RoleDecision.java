package dev.orgbridge.core.mapping;

import java.util.List;

/** What a role mapper does at one login: grant one role of its allow-list, or stop the login. */
public sealed interface RoleDecision {

    List<MappingWarning> warnings();

    /**
     * Grant {@code role} (and, with sync, take the mapper's other roles away).
     *
     * @param value the asserted value that chose it; empty when the default applied for a missing attribute
     */
    record Grant(String role, String value, Cause cause, List<MappingWarning> warnings) implements RoleDecision {
        public Grant {
            warnings = List.copyOf(warnings);
        }
    }

    /** Stop the login; {@code value} is the asserted value at fault (empty for several values). */
    record Deny(MappingDenial denial, String value, List<MappingWarning> warnings) implements RoleDecision {
        public Deny {
            warnings = List.copyOf(warnings);
        }
    }

    /** Why the granted role was chosen. */
    enum Cause {
        /** The value is in the allow-list. */
        ASSERTED,
        /** The attribute was missing: the default role. */
        DEFAULT,
        /** The value is not in the allow-list: the default role. */
        UNKNOWN_VALUE
    }
}
