package dev.orgbridge.core.mapping;

import java.util.Objects;

/**
 * Something a mapper left out or replaced while the login went on. The adapter reports each as an event detail and a
 * log line; {@link #shown()} is the only form of the value that leaves Orgbridge.
 *
 * @param kind  what happened
 * @param value the asserted value concerned, as received (may hold markup or control characters)
 */
public record MappingWarning(Kind kind, String value) {

    /** Longest value shown in events and logs, in code points. */
    static final int SHOWN_LENGTH = 64;

    public MappingWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public enum Kind {
        /** A value over {@value AssertedValues#MAX_LENGTH} characters; ignored. */
        VALUE_TOO_LONG("orgbridge_value_too_long"),
        /** A value with control characters (line breaks, NUL…); ignored. */
        VALUE_HAS_CONTROL_CHARACTERS("orgbridge_value_has_control_characters"),
        /** A further value where the mapper takes the first; ignored. */
        EXTRA_VALUE("orgbridge_extra_value"),
        /** A value naming no group in the scope; ignored. */
        UNKNOWN_GROUP("orgbridge_unknown_group"),
        /** A value naming several groups of the scope that differ only in case; ignored. */
        AMBIGUOUS_GROUP("orgbridge_ambiguous_group"),
        /** A value that cannot be a group name (a path, {@code .} or {@code ..}); no group created. */
        NOT_A_GROUP_NAME("orgbridge_not_a_group_name"),
        /** A value outside the role allow-list; the default role is granted instead. */
        UNKNOWN_ROLE("orgbridge_unknown_role");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The stable code in events and logs, e.g. {@code orgbridge_unknown_group}. */
        public String code() {
            return code;
        }
    }

    /** The value made safe for any page, log line or event: markup escaped, control characters replaced, shortened. */
    public String shown() {
        return Shown.of(value);
    }

    @Override
    public String toString() {
        return kind.code() + " " + shown();
    }
}
