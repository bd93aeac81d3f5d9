package dev.orgbridge.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.provisioning.MassDeletionGuard.Go;
import dev.orgbridge.core.provisioning.MassDeletionGuard.Pause;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MassDeletionGuardTest {

    private static final MassDeletionGuard TEN_PERCENT = MassDeletionGuard.DEFAULT; // 10 %, at least 10

    static Stream<Arguments> verdicts() {
        return Stream.of(
                arguments(0L, 1000L, new Go()),
                arguments(50L, 1000L, new Go()),                    // 5 %
                arguments(100L, 1000L, new Go()),                   // exactly 10 % is not over it
                arguments(101L, 1000L, new Pause(101, 1000, 101)),
                arguments(150L, 1000L, new Pause(150, 1000, 101)),
                arguments(9L, 20L, new Go()),                       // 45 %, but below the minimum of 10
                arguments(10L, 20L, new Pause(10, 20, 10)),
                arguments(10L, 0L, new Pause(10, 0, 10)),           // a target we believe empty
                arguments(9L, 0L, new Go()),
                arguments(10_000L, 100_000L, new Go()),
                arguments(10_001L, 100_000L, new Pause(10_001, 100_000, 10_001)),
                arguments(11L, 105L, new Pause(11, 105, 11)));      // 10.5 users is the share: 11 is over it
    }

    @ParameterizedTest(name = "{0} deletions of {1} users → {2}")
    @MethodSource("verdicts")
    void pausesABurstAboveTheShareAndTheMinimum(long deletions, long users, MassDeletionGuard.Verdict verdict) {
        assertEquals(verdict, TEN_PERCENT.check(deletions, users));
    }

    static Stream<Arguments> otherSettings() {
        return Stream.of(
                arguments(new MassDeletionGuard(100, 1, Duration.ofMinutes(5)), 10L, 10L, false),
                arguments(new MassDeletionGuard(100, 1, Duration.ofMinutes(5)), 11L, 10L, true),
                arguments(new MassDeletionGuard(1, 1, Duration.ofMinutes(5)), 2L, 100L, true),
                arguments(new MassDeletionGuard(1, 1, Duration.ofMinutes(5)), 1L, 100L, false),
                arguments(new MassDeletionGuard(50, 3, Duration.ofDays(1)), 2L, 2L, false));
    }

    @ParameterizedTest(name = "{0}: {1} of {2} → pause {3}")
    @MethodSource("otherSettings")
    void honoursItsSettings(MassDeletionGuard guard, long deletions, long users, boolean pause) {
        assertEquals(pause, guard.check(deletions, users).pause());
    }

    @Test
    void refusesNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new MassDeletionGuard(0, 10, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new MassDeletionGuard(101, 10, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new MassDeletionGuard(10, 0, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new MassDeletionGuard(10, 10, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> TEN_PERCENT.check(-1, 10));
    }
}
