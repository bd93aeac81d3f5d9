package dev.orgbridge.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CurrentStateCallTest {

    private static final Set<EventType> ALL = Set.of(EventType.values());

    static Stream<Arguments> calls() {
        return Stream.of(
                // target holds the user, event types the target takes → call
                arguments(false, ALL, Optional.of(EventType.USER_CREATED)),
                arguments(true, ALL, Optional.of(EventType.USER_UPDATED)),
                arguments(false, Set.of(EventType.USER_UPDATED), Optional.of(EventType.USER_UPDATED)),
                arguments(true, Set.of(EventType.USER_CREATED), Optional.of(EventType.USER_CREATED)),
                arguments(true, Set.of(EventType.USER_CREATED, EventType.USER_UPDATED),
                        Optional.of(EventType.USER_UPDATED)),
                arguments(false, Set.of(EventType.USER_DELETED, EventType.ORGANIZATION_CREATED), Optional.empty()),
                arguments(true, Set.of(), Optional.empty()));
    }

    @ParameterizedTest(name = "held {0}, takes {1} → {2}")
    @MethodSource("calls")
    void createsWhatTheTargetLacksAndUpdatesWhatItHolds(boolean held, Set<EventType> takes,
                                                        Optional<EventType> call) {
        assertEquals(call, CurrentStateCall.of(held, takes::contains));
    }
}
