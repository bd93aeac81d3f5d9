package dev.orgbridge.core.mapping;

import java.util.List;

/** What a group mapper does at one login: assign these groups (each once), or stop the login. */
public sealed interface GroupPlan {

    List<MappingWarning> warnings();

    /** Assign exactly these groups of the scope; with sync, the user leaves the scope's other groups. */
    record Assign(List<GroupChoice> groups, List<MappingWarning> warnings) implements GroupPlan {
        public Assign {
            groups = List.copyOf(groups);
            warnings = List.copyOf(warnings);
        }
    }

    /** Stop the login; {@code value} is the asserted value at fault (empty for several values). */
    record Deny(MappingDenial denial, String value, List<MappingWarning> warnings) implements GroupPlan {
        public Deny {
            warnings = List.copyOf(warnings);
        }
    }
}
