package dev.orgbridge.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z"); // a Wednesday

    static Stream<Arguments> headers() {
        return Stream.of(
                arguments("delay-seconds", "120", Optional.of(Duration.ofSeconds(120))),
                arguments("zero", "0", Optional.of(Duration.ZERO)),
                arguments("padded", " 30 ", Optional.of(Duration.ofSeconds(30))),
                arguments("leading zeros", "0030", Optional.of(Duration.ofSeconds(30))),
                arguments("two years of seconds", "63072000", Optional.of(RetryAfter.LIMIT)),
                arguments("forty digits", "9".repeat(40), Optional.of(RetryAfter.LIMIT)),
                arguments("IMF-fixdate ahead", "Wed, 21 Oct 2026 07:30:30 GMT", Optional.of(Duration.ofSeconds(150))),
                arguments("IMF-fixdate now", "Wed, 21 Oct 2026 07:28:00 GMT", Optional.of(Duration.ZERO)),
                arguments("IMF-fixdate in the past", "Tue, 20 Oct 2026 07:28:00 GMT", Optional.of(Duration.ZERO)),
                arguments("IMF-fixdate years ahead", "Sat, 21 Oct 2034 07:28:00 GMT", Optional.of(RetryAfter.LIMIT)),
                arguments("IMF-fixdate in 1994", "Sun, 06 Nov 1994 08:49:37 GMT", Optional.of(Duration.ZERO)),
                arguments("absent", null, Optional.empty()),
                arguments("empty", "", Optional.empty()),
                arguments("negative", "-5", Optional.empty()),
                arguments("fraction", "1.5", Optional.empty()),
                arguments("words", "soon", Optional.empty()),
                arguments("ISO date", "2026-10-21T07:30:00Z", Optional.empty()),
                arguments("wrong weekday", "Mon, 21 Oct 2026 07:30:00 GMT", Optional.empty()),
                arguments("no such day", "Sat, 32 Oct 2026 07:30:00 GMT", Optional.empty()));
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @MethodSource("headers")
    void readsDelaySecondsAndHttpDates(String story, String header, Optional<Duration> wait) {
        assertEquals(wait, RetryAfter.parse(header, NOW));
    }
}
