package dev.orgbridge.core.provisioning;

import java.util.Objects;

/** Shared checks of the payload records (here and in {@code scim}). */
public final class Required {

    private Required() {
    }

    /** {@code value} is neither null nor blank; the exception names the field. */
    public static void text(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is empty");
        }
    }
}
