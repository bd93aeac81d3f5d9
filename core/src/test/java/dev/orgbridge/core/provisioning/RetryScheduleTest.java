package dev.orgbridge.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.provisioning.DeliveryOutcome.HttpStatus;
import dev.orgbridge.core.provisioning.DeliveryOutcome.TransportFailure;
import dev.orgbridge.core.provisioning.NextStep.DeadLetter;
import dev.orgbridge.core.provisioning.NextStep.Reason;
import dev.orgbridge.core.provisioning.NextStep.RetryAt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryScheduleTest {

    private static final RetrySchedule REFERENCE = RetrySchedule.reference();
    private static final Instant QUEUED = Instant.parse("2026-01-01T00:00:00Z");
    private static final DoubleSupplier MIDDLE = () -> 0.5;
    private static final DoubleSupplier LOWEST = () -> 0.0;
    private static final DoubleSupplier HIGHEST = () -> Math.nextDown(1.0);

    static Stream<Arguments> referenceDelays() {
        return Stream.of(
                arguments(1, "PT1S", "PT0.75S", "PT1.25S"),
                arguments(2, "PT5S", "PT3.75S", "PT6.25S"),
                arguments(3, "PT30S", "PT22.5S", "PT37.5S"),
                arguments(4, "PT2M", "PT1M30S", "PT2M30S"),
                arguments(5, "PT10M", "PT7M30S", "PT12M30S"),
                arguments(6, "PT1H", "PT45M", "PT1H15M"),
                arguments(7, "PT6H", "PT4H30M", "PT7H30M"),
                arguments(8, "PT6H", "PT4H30M", "PT7H30M"),   // past the list: the last delay again
                arguments(50, "PT6H", "PT4H30M", "PT7H30M"));
    }

    @ParameterizedTest(name = "after attempt {0}: {1}, between {2} and {3}")
    @MethodSource("referenceDelays")
    void theReferenceScheduleWithItsJitter(int attempt, String middle, String lowest, String highest) {
        assertEquals(Duration.parse(middle), REFERENCE.delayAfter(attempt, MIDDLE));
        assertEquals(Duration.parse(lowest), REFERENCE.delayAfter(attempt, LOWEST));
        assertEquals(Duration.parse(highest), REFERENCE.delayAfter(attempt, HIGHEST));
    }

    @Property(tries = 2_000)
    void theJitterStaysWithinAQuarter(@ForAll @IntRange(min = 1, max = 20) int attempt,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double u) {
        Duration base = RetrySchedule.REFERENCE_DELAYS.get(Math.min(attempt, 7) - 1);
        long millis = REFERENCE.delayAfter(attempt, () -> u).toMillis();
        assertTrue(millis >= base.toMillis() * 3 / 4 && millis <= base.toMillis() * 5 / 4, millis + " for " + base);
    }

    static Stream<Arguments> afterFailures() {
        Duration minute = Duration.ofMinutes(1);
        return Stream.of(
                arguments("first failure", 1, 0L, Optional.empty(), new RetryAt(at(1), Duration.ofSeconds(1))),
                arguments("fourth failure", 4, 100L, Optional.empty(),
                        new RetryAt(at(100 + 120), Duration.ofMinutes(2))),
                arguments("Retry-After longer than the schedule wins", 1, 0L, Optional.of(minute),
                        new RetryAt(at(60), minute)),
                arguments("Retry-After shorter than the schedule does not shorten it", 6, 0L, Optional.of(minute),
                        new RetryAt(at(3600), Duration.ofHours(1))),
                arguments("Retry-After zero (a past date) keeps the schedule", 2, 0L, Optional.of(Duration.ZERO),
                        new RetryAt(at(5), Duration.ofSeconds(5))),
                arguments("absurd Retry-After stops at 6 hours", 1, 0L, Optional.of(RetryAfter.LIMIT),
                        new RetryAt(at(6 * 3600), Duration.ofHours(6))),
                arguments("seventh failure still retries", 7, 3600L, Optional.empty(),
                        new RetryAt(at(3600 + 6 * 3600), Duration.ofHours(6))),
                arguments("eighth failure is the last", 8, 3600L, Optional.empty(),
                        new DeadLetter(Reason.TOO_MANY_ATTEMPTS)),
                arguments("next attempt exactly at 24 hours", 7, 18 * 3600L, Optional.empty(),
                        new RetryAt(at(24 * 3600), Duration.ofHours(6))),
                arguments("next attempt a second past 24 hours", 7, 18 * 3600L + 1, Optional.empty(),
                        new DeadLetter(Reason.TOO_OLD)),
                arguments("a Retry-After past the max age", 2, 20 * 3600L, Optional.of(Duration.ofHours(5)),
                        new DeadLetter(Reason.TOO_OLD)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("afterFailures")
    void retriesOrGivesUp(String story, int attempt, long failedSecondsAfterQueued, Optional<Duration> retryAfter,
            NextStep expected) {
        assertEquals(expected, REFERENCE.afterFailure(attempt, QUEUED, at(failedSecondsAfterQueued), retryAfter,
                MIDDLE));
    }

    static Stream<Arguments> outcomes() {
        Instant now = at(10);
        return Stream.of(
                arguments(new DeliveryOutcome.Success(204), new NextStep.Delivered()),
                arguments(new DeliveryOutcome.PermanentFailure(new HttpStatus(400)),
                        new DeadLetter(Reason.PERMANENT_FAILURE)),
                arguments(DeliveryOutcome.ofFailure(TransportFailure.ADDRESS_REFUSED),
                        new DeadLetter(Reason.PERMANENT_FAILURE)),
                arguments(DeliveryOutcome.ofFailure(TransportFailure.CONNECT_TIMEOUT),
                        new RetryAt(now.plusSeconds(5), Duration.ofSeconds(5))),
                arguments(DeliveryOutcome.ofResponse(429, "90", now),
                        new RetryAt(now.plusSeconds(90), Duration.ofSeconds(90))));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("outcomes")
    void decidesFromTheOutcomeOfTheSecondAttempt(DeliveryOutcome outcome, NextStep expected) {
        assertEquals(expected, REFERENCE.after(outcome, 2, QUEUED, at(10), MIDDLE));
    }

    @Test
    void limitsAreConfigurable() {
        RetrySchedule schedule = RetrySchedule.of(List.of(Duration.ofSeconds(10)), 0).withMaxAttempts(3)
                .withMaxAge(Duration.ofMinutes(1)).withMaxRetryAfter(Duration.ofSeconds(20));
        assertEquals(new RetryAt(at(10), Duration.ofSeconds(10)),
                schedule.afterFailure(1, QUEUED, QUEUED, Optional.empty(), LOWEST));
        assertEquals(new RetryAt(at(20), Duration.ofSeconds(20)),
                schedule.afterFailure(2, QUEUED, QUEUED, Optional.of(Duration.ofHours(1)), LOWEST));
        assertEquals(new DeadLetter(Reason.TOO_MANY_ATTEMPTS),
                schedule.afterFailure(3, QUEUED, QUEUED, Optional.empty(), LOWEST));
        assertEquals(new DeadLetter(Reason.TOO_OLD), schedule.afterFailure(1, QUEUED, at(55), Optional.empty(),
                LOWEST));
    }

    @Test
    void aMessageWaitingLongerThanTheMaxAgeExpires() {
        assertEquals(false, REFERENCE.expired(QUEUED, at(24 * 3600)));
        assertEquals(true, REFERENCE.expired(QUEUED, at(24 * 3600 + 1)));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.of(List.of(), 0.25));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.of(List.of(Duration.ZERO), 0.25));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.of(List.of(Duration.ofSeconds(1)), 1.0));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.of(List.of(Duration.ofSeconds(1)), -0.1));
        assertThrows(IllegalArgumentException.class, () -> REFERENCE.withMaxAttempts(0));
        assertThrows(IllegalArgumentException.class, () -> REFERENCE.withMaxAge(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> REFERENCE.delayAfter(0, MIDDLE));
        assertThrows(IllegalArgumentException.class, () -> REFERENCE.delayAfter(1, () -> 1.0));
        assertThrows(IllegalArgumentException.class, () -> REFERENCE.delayAfter(1, () -> Double.NaN));
    }

    private static Instant at(long secondsAfterQueued) {
        return QUEUED.plusSeconds(secondsAfterQueued);
    }
}
