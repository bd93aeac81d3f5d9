package dev.orgbridge.core.provisioning.scim;

import dev.orgbridge.core.provisioning.Required;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Keycloak user as a SCIM target sees it, read at send time: its own fields and its attributes (each a list, as
 * Keycloak keeps them). {@code email}, {@code firstName} and {@code lastName} are null when the user has none.
 * {@link #toString()} shows the id only: no personal data in logs.
 */
public record ScimUserSource(String id, String username, String email, String firstName, String lastName,
        boolean enabled, Map<String, List<String>> attributes) {

    public ScimUserSource {
        Required.text(id, "id");
        Required.text(username, "username");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (attributes != null) {
            attributes.forEach((name, values) -> copy.put(name, values == null ? List.of()
                    : values.stream().filter(Objects::nonNull).toList()));
        }
        attributes = Map.copyOf(copy);
    }

    /** The attribute's first value that is not blank, stripped. */
    public Optional<String> attribute(String name) {
        return attributes.getOrDefault(name, List.of()).stream()
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    @Override
    public String toString() {
        return "ScimUserSource[id=" + id + "]";
    }
}
