package dev.orgbridge.core.provisioning.scim;

import dev.orgbridge.core.provisioning.JsonWriter;
import java.util.List;
import java.util.Objects;

/**
 * Equality filters (RFC 7644 §3.4.2.2) for finding a resource Orgbridge may have created before:
 * {@code externalId eq "…"}. The value is a JSON string literal, as the filter grammar says: quotes and backslashes
 * escaped, control characters as escapes. A value such as {@code x" or userName pr or "} stays one value, and a
 * trailing backslash cannot swallow the closing quote.
 */
public final class ScimFilter {

    private ScimFilter() {
    }

    public static String externalId(String value) {
        return eq("externalId", value);
    }

    public static String userName(String value) {
        return eq("userName", value);
    }

    public static String displayName(String value) {
        return eq("displayName", value);
    }

    /** Any of the filters: {@code a or b} (RFC 7644 §3.4.2.2), one lookup instead of one per filter. */
    public static String anyOf(List<String> filters) {
        if (filters.isEmpty()) {
            throw new IllegalArgumentException("no filter");
        }
        return String.join(" or ", filters);
    }

    /** The path of one member of a group, for a PATCH: {@code members[value eq "…"]}. */
    public static String member(String memberId) {
        return "members[" + eq("value", memberId) + "]";
    }

    private static String eq(String attribute, String value) {
        return attribute + " eq " + JsonWriter.quote(Objects.requireNonNull(value, attribute));
    }
}
