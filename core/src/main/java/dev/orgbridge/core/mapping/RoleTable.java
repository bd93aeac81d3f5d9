package dev.orgbridge.core.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The allow-list of a role mapper: asserted value → role, such as {@code admin → app-admin}. A role is named the way
 * Keycloak's role pickers store it: {@code role} for a realm role, {@code clientId.role} for a client role.
 */
public final class RoleTable {

    /** One row: the value the identity provider sends, and the role it grants. */
    public record Entry(String value, String role) {
        public Entry {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(role, "role");
        }
    }

    private final List<Entry> entries;
    private final boolean ignoreCase;
    private final Map<String, String> roleByValue = new HashMap<>();

    private RoleTable(List<Entry> entries, boolean ignoreCase) {
        this.entries = List.copyOf(entries);
        this.ignoreCase = ignoreCase;
        entries.forEach(entry -> roleByValue.put(key(entry.value()), entry.role()));
    }

    /**
     * Builds the table; throws {@link IllegalArgumentException} saying which row is wrong: an empty value or role, or
     * a value listed twice (ignoring case when the table does).
     */
    public static RoleTable of(List<Entry> entries, boolean ignoreCase) {
        Set<String> seen = new LinkedHashSet<>();
        List<Entry> clean = new ArrayList<>();
        for (Entry entry : entries) {
            String value = entry.value().strip();
            String role = entry.role().strip();
            if (value.isEmpty() || role.isEmpty()) {
                throw new IllegalArgumentException("has a row with an empty value or role: " + entry.value()
                        + " → " + entry.role());
            }
            if (!seen.add(ignoreCase ? value.toLowerCase(Locale.ROOT) : value)) {
                throw new IllegalArgumentException("lists the value " + value + " twice");
            }
            clean.add(new Entry(value, role));
        }
        return new RoleTable(clean, ignoreCase);
    }

    /** The role a value grants, if the table lists it. */
    public Optional<String> roleFor(String value) {
        return Optional.ofNullable(roleByValue.get(key(value)));
    }

    /** Every role of the table, in table order. */
    public Set<String> roles() {
        Set<String> roles = new LinkedHashSet<>();
        entries.forEach(entry -> roles.add(entry.role()));
        return roles;
    }

    /** The value of the first row whose role the user holds: what a protocol mapper hands to the app. */
    public Optional<String> valueHeld(Set<String> heldRoles) {
        return entries.stream().filter(entry -> heldRoles.contains(entry.role())).map(Entry::value).findFirst();
    }

    public List<Entry> entries() {
        return entries;
    }

    public boolean ignoreCase() {
        return ignoreCase;
    }

    private String key(String value) {
        return ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
    }
}
