package dev.orgbridge.core.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110 §10.2.3): delay-seconds ({@code 120}) or an HTTP-date
 * ({@code Wed, 21 Oct 2026 07:28:00 GMT}). The answer is how long to wait from {@code now}: a date in the past is
 * zero, a huge value stops at {@link #LIMIT} (the schedule caps it further), anything unreadable is no answer.
 */
public final class RetryAfter {

    /** The longest wait this reads; beyond it the value is absurd anyway. */
    public static final Duration LIMIT = Duration.ofDays(365);
    private static final int MAX_DIGITS = 12; // 10^12 s is far beyond LIMIT and far below overflow

    private RetryAfter() {
    }

    public static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (value.length() > MAX_DIGITS) {
                return Optional.of(LIMIT);
            }
            return Optional.of(min(Duration.ofSeconds(Long.parseLong(value)), LIMIT));
        }
        Instant at;
        try {
            at = DateTimeFormatter.RFC_1123_DATE_TIME.parse(value, Instant::from);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : min(wait, LIMIT));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
