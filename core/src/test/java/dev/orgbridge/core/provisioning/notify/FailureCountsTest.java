package dev.orgbridge.core.provisioning.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailureCountsTest {

    static Stream<Arguments> news() {
        return Stream.of(
                arguments("nothing failed", counts(0, 0), counts(0, 0), counts(0, 0), false),
                arguments("nothing since the last digest", counts(120, 7), counts(120, 7), counts(0, 0), false),
                arguments("a first failure", counts(1, 0), counts(0, 0), counts(1, 0), true),
                arguments("a burst since the last digest", counts(1_120, 12), counts(120, 2), counts(1_000, 10), true),
                arguments("a dead letter with no attempt (too old to send)", counts(5, 3), counts(5, 2),
                        counts(0, 1), true),
                arguments("counts below what was covered", counts(3, 0), counts(10, 4), counts(0, 0), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("news")
    void aDigestReportsWhatWasCountedSinceTheLastOne(String story, FailureCounts now, FailureCounts covered,
            FailureCounts expected, boolean worthAMail) {
        FailureCounts since = now.since(covered);
        assertEquals(expected, since);
        assertEquals(!worthAMail, since.isEmpty());
    }

    @Test
    void countsAreNeverNegative() {
        assertThrows(IllegalArgumentException.class, () -> counts(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> counts(0, -1));
    }

    private static FailureCounts counts(long failedAttempts, long deadLetters) {
        return new FailureCounts(failedAttempts, deadLetters);
    }
}
