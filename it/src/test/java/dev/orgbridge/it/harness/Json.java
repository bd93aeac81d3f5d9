package dev.orgbridge.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.keycloak.util.JsonSerialization;

/** Reads the admin API's JSON answers as plain maps and lists, as a test compares them. */
public final class Json {

    private Json() {
    }

    /** A JSON object. */
    public static Map<String, Object> object(String body) {
        return read(body);
    }

    /** A JSON array of objects. */
    public static List<Map<String, Object>> list(String body) {
        return read(body);
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(String body) {
        try {
            return (T) JsonSerialization.readValue(body, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
