package dev.orgbridge.core.provisioning.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** How the notifications hold and show values. */
final class MailText {

    /** Times are shown in UTC, the same for every reader and every log. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private MailText() {
    }

    /**
     * {@code value} as one line of at most {@link Notification#MAX_TEXT_LENGTH} code points, or null for null or
     * blank. Line breaks and tabs become spaces (a name must not start a line of its own in a text mail or a subject
     * header); other control and bidirectional formatting characters become U+FFFD, so nothing reorders or hides
     * what follows.
     */
    static String line(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        int taken = 0;
        for (int c : value.strip().codePoints().toArray()) {
            if (taken == Notification.MAX_TEXT_LENGTH) {
                return line.append('…').toString();
            }
            if (c == '\n' || c == '\r' || c == '\t') {
                line.append(' ');
            } else if (Character.isISOControl(c) || isBidiControl(c)) {
                line.append('\uFFFD');
            } else {
                line.appendCodePoint(c);
            }
            taken++;
        }
        return line.toString();
    }

    /** {@link #line} of a value that must be there; the exception names the field. */
    static String required(String value, String name) {
        Objects.requireNonNull(value, name);
        String line = line(value);
        if (line == null) {
            throw new IllegalArgumentException(name + " is empty");
        }
        return line;
    }

    /** {@code 2026-01-01 09:30 UTC}. */
    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** Whole hours and minutes: {@code 45 min}, {@code 1 h}, {@code 26 h 5 min}; units every reader knows. */
    static String duration(Duration duration) {
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        if (hours == 0) {
            return minutes + " min";
        }
        return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
    }

    /** A template's values from name/value pairs, in order; pairs whose value is null are left out. */
    static Map<String, Object> attributes(Object... namesAndValues) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                attributes.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return Collections.unmodifiableMap(attributes);
    }

    private static boolean isBidiControl(int c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
