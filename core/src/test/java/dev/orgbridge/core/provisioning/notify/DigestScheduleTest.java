package dev.orgbridge.core.provisioning.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.provisioning.notify.DigestSchedule.SendNow;
import dev.orgbridge.core.provisioning.notify.DigestSchedule.Verdict;
import dev.orgbridge.core.provisioning.notify.DigestSchedule.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DigestScheduleTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final DigestSchedule HOURLY = DigestSchedule.DEFAULT;

    static Stream<Arguments> verdicts() {
        return Stream.of(
                arguments("never sent", Optional.empty(), new SendNow(at(60))),
                arguments("sent a minute ago", Optional.of(at(-1)), new Wait(at(59))),
                arguments("sent 59 minutes ago", Optional.of(at(-59)), new Wait(at(1))),
                arguments("sent exactly an hour ago", Optional.of(at(-60)), new SendNow(at(60))),
                arguments("sent two days ago", Optional.of(at(-2 * 24 * 60)), new SendNow(at(60))),
                arguments("sent 'later' by a node whose clock runs ahead", Optional.of(at(5)), new Wait(at(65))));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("verdicts")
    void anHourlyDigestGoesAtMostOnceAnHour(String story, Optional<Instant> lastSent, Verdict expected) {
        assertEquals(expected, HOURLY.check(lastSent, NOW));
    }

    @Test
    void aBurstOfAThousandFailuresIsOneMail() {
        Optional<Instant> lastSent = Optional.empty();
        int mails = 0;
        for (int failure = 0; failure < 1_000; failure++) {
            Instant failedAt = NOW.plusMillis(50L * failure); // 50 seconds of failures
            if (HOURLY.check(lastSent, failedAt) instanceof SendNow) {
                mails++;
                lastSent = Optional.of(failedAt);
            }
        }
        assertEquals(1, mails);
    }

    @Test
    void failuresAllDayAreOneMailPerInterval() {
        DigestSchedule quarterly = DigestSchedule.ofMinutes(15);
        Optional<Instant> lastSent = Optional.empty();
        int mails = 0;
        for (int minute = 0; minute < 24 * 60; minute++) {
            Instant failedAt = NOW.plus(Duration.ofMinutes(minute));
            if (quarterly.check(lastSent, failedAt) instanceof SendNow) {
                mails++;
                lastSent = Optional.of(failedAt);
            }
        }
        assertEquals(24 * 4, mails);
    }

    @Test
    void theIntervalIsFiveMinutesToOneDay() {
        assertEquals(Duration.ofMinutes(5), DigestSchedule.ofMinutes(5).interval());
        assertEquals(Duration.ofDays(1), DigestSchedule.ofMinutes(1440).interval());
        assertThrows(IllegalArgumentException.class, () -> DigestSchedule.ofMinutes(4));
        assertThrows(IllegalArgumentException.class, () -> DigestSchedule.ofMinutes(1441));
        assertThrows(IllegalArgumentException.class, () -> new DigestSchedule(Duration.ofSeconds(-1)));
    }

    private static Instant at(long minutesFromNow) {
        return NOW.plus(Duration.ofMinutes(minutesFromNow));
    }
}
