package dev.orgbridge.support.config;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.util.JsonSerialization;

/**
 * Reads Keycloak's string map of one provider's settings into typed values, once; every problem is an
 * {@link InvalidSettingsException} naming the option. Enum options are stored the way the admin console's drop-downs
 * show them: lower case, {@code -} for {@code _} ({@code fallback-organization}).
 */
public final class SettingsReader {

    private final String subject;
    private final Map<String, String> config;

    private SettingsReader(String subject, Map<String, String> config) {
        this.subject = subject;
        this.config = config == null ? Map.of() : config;
    }

    /** @param subject names the settings in messages, e.g. {@code onboarding} or {@code mapper 'division → team'} */
    public static SettingsReader of(String subject, Map<String, String> config) {
        return new SettingsReader(subject, config);
    }

    public Optional<String> text(String option) {
        return Optional.ofNullable(config.get(option)).map(String::strip).filter(s -> !s.isEmpty());
    }

    public String required(String option) {
        return text(option).orElseThrow(() -> invalid(option, "is required"));
    }

    /** A multivalued option: Keycloak stores it as one string joined by {@code ##}. Blank and repeated entries drop. */
    public List<String> values(String option) {
        return text(option).stream()
                .flatMap(value -> Arrays.stream(value.split("##")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new))
                .stream().toList();
    }

    /** A key/value table (the console's map type): stored as a JSON array of {@code {"key":…,"value":…}}. */
    public Map<String, String> pairs(String option) {
        Optional<String> raw = text(option);
        if (raw.isEmpty()) {
            return Map.of();
        }
        List<Map<String, String>> rows;
        try {
            rows = JsonSerialization.readValue(raw.get(), new TypeReference<List<Map<String, String>>>() { });
        } catch (IOException | RuntimeException e) {
            throw invalid(option, "is not a list of key/value pairs");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            String key = row == null ? null : row.get("key");
            if (key == null || key.isBlank()) {
                throw invalid(option, "has a row without a key");
            }
            if (pairs.put(key.strip(), row.getOrDefault("value", "").strip()) != null) {
                throw invalid(option, "lists the key " + key.strip() + " twice");
            }
        }
        return pairs;
    }

    public boolean bool(String option, boolean fallback) {
        Optional<String> raw = text(option);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(option, "is " + raw.get() + " but must be true or false");
        };
    }

    /** A whole number from {@code min} to {@code max}. */
    public int integer(String option, int fallback, int min, int max) {
        Optional<String> raw = text(option);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // not a number: the same answer as out of range
        }
        throw invalid(option, "is " + raw.get() + " but must be a whole number from " + min + " to " + max);
    }

    public <E extends Enum<E>> E choice(String option, E[] values, E fallback) {
        Optional<String> raw = text(option);
        if (raw.isEmpty()) {
            return fallback;
        }
        return find(values, raw.get()).orElseThrow(() -> invalid(option, "is " + raw.get() + " but must be one of "
                + String.join(", ", options(values))));
    }

    /** A multivalued enum option: each value as {@link #choice} reads one; none listed is an empty set. */
    public <E extends Enum<E>> Set<E> choices(String option, E[] values) {
        Set<E> chosen = new LinkedHashSet<>();
        for (String name : values(option)) {
            chosen.add(find(values, name).orElseThrow(() -> invalid(option, "lists " + name
                    + ", which is not one of " + String.join(", ", options(values)))));
        }
        return chosen;
    }

    public InvalidSettingsException invalid(String option, String problem) {
        return new InvalidSettingsException(subject, option, problem);
    }

    /** How an enum value is stored and shown: {@code FALLBACK_ORGANIZATION} → {@code fallback-organization}. */
    public static String option(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<String> options(Enum<?>[] values) {
        return Arrays.stream(values).map(SettingsReader::option).toList();
    }

    private static <E extends Enum<E>> Optional<E> find(E[] values, String stored) {
        return Arrays.stream(values).filter(value -> option(value).equals(stored)).findFirst();
    }
}
