package dev.orgbridge.core.mapping;

import java.util.Objects;

/** A group of a mapper's scope, as the adapter found it. */
public record GroupRef(String id, String name) {

    public GroupRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
