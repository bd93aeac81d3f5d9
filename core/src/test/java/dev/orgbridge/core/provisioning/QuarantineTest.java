package dev.orgbridge.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuarantineTest {

    private static final Instant FIRST_FAILURE = Instant.parse("2026-01-01T00:00:00Z");

    static Stream<Arguments> targets() {
        return Stream.of(
                arguments(19, Duration.ofHours(5), false),     // long, but not enough failures
                arguments(20, Duration.ofMinutes(59), false),  // enough failures, but within the hour
                arguments(20, Duration.ofHours(1), true),
                arguments(500, Duration.ofHours(2), true),
                arguments(0, Duration.ofDays(1), false));
    }

    @ParameterizedTest(name = "{0} failures in a row over {1} → {2}")
    @MethodSource("targets")
    void quarantinesATargetThatFailsOftenAndLong(int failures, Duration failingFor, boolean quarantine) {
        assertEquals(quarantine, Quarantine.DEFAULT.applies(failures, FIRST_FAILURE, FIRST_FAILURE.plus(failingFor)));
    }

    @Test
    void refusesNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new Quarantine(0, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new Quarantine(5, Duration.ofHours(-1)));
    }
}
