package dev.orgbridge.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.provisioning.ResyncProgress.Counts;
import dev.orgbridge.core.provisioning.ResyncProgress.State;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResyncProgressTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T09:00:00Z");
    private static final Instant STARTED = CREATED.plusSeconds(1);
    private static final Instant WALKED = CREATED.plusSeconds(10);
    private static final Instant LAST_DONE = CREATED.plusSeconds(30);

    static Stream<Arguments> states() {
        return Stream.of(
                // started, walked, counts (pending, retrying, delivered, failed, skipped) → state, active
                arguments(null, null, Counts.NONE, State.QUEUED, true),
                arguments(STARTED, null, Counts.NONE, State.RUNNING, true),
                arguments(STARTED, null, new Counts(0, 0, 500, 0, 0), State.RUNNING, true),   // users left to look at
                arguments(STARTED, WALKED, new Counts(3, 0, 97, 0, 0), State.RUNNING, true),
                arguments(STARTED, WALKED, new Counts(3, 3, 90, 7, 0), State.RUNNING, true),  // failures still retried
                arguments(STARTED, WALKED, new Counts(0, 0, 97, 0, 3), State.DONE, false),
                arguments(STARTED, WALKED, Counts.NONE, State.DONE, false),                   // nobody in scope
                arguments(STARTED, WALKED, new Counts(0, 0, 90, 10, 0), State.FAILED, false),
                arguments(STARTED, WALKED, new Counts(0, 0, 0, 1, 0), State.FAILED, false));
    }

    @ParameterizedTest(name = "started {0}, walked {1}, {2} → {3}")
    @MethodSource("states")
    void stateFollowsTheWalkAndTheDeliveries(Instant started, Instant walked, Counts counts, State state,
                                             boolean active) {
        ResyncProgress progress = new ResyncProgress(CREATED, started, walked, 100, counts, null);
        assertEquals(state, progress.state());
        assertEquals(active, progress.active());
    }

    static Stream<Arguments> finishes() {
        return Stream.of(
                arguments(null, new Counts(1, 0, 0, 0, 0), LAST_DONE, null),      // still walking
                arguments(WALKED, new Counts(1, 0, 5, 0, 0), LAST_DONE, null),    // still delivering
                arguments(WALKED, new Counts(0, 0, 5, 0, 0), LAST_DONE, LAST_DONE),
                arguments(WALKED, new Counts(0, 0, 5, 1, 0), LAST_DONE, LAST_DONE),
                arguments(WALKED, Counts.NONE, null, WALKED),                     // nothing queued
                arguments(WALKED, new Counts(0, 0, 0, 0, 2), STARTED, WALKED));   // settled before the walk ended
    }

    @ParameterizedTest(name = "walked {0}, {1}, last settled {2} → finished {3}")
    @MethodSource("finishes")
    void finishesWhenTheWalkAndTheLastDeliveryAreDone(Instant walked, Counts counts, Instant lastDone,
                                                      Instant finished) {
        assertEquals(finished, new ResyncProgress(CREATED, STARTED, walked, 5, counts, lastDone).finishedAt());
    }

    @Test
    void aQueuedJobHasNotFinished() {
        assertNull(new ResyncProgress(CREATED, null, null, 0, Counts.NONE, null).finishedAt());
    }

    @Test
    void totalCountsEveryQueuedDelivery() {
        assertEquals(16, new Counts(4, 2, 8, 3, 1).total());
    }

    @Test
    void refusesImpossibleProgress() {
        assertThrows(IllegalArgumentException.class, () -> new Counts(1, 2, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Counts(-1, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ResyncProgress(CREATED, null, WALKED, 0, Counts.NONE, null));
    }

    @Test
    void statesHaveLowerCaseWireNames() {
        assertEquals("queued", State.QUEUED.wireName());
        assertEquals("failed", State.FAILED.wireName());
    }
}
