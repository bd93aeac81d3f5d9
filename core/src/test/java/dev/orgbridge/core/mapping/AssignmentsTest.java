package dev.orgbridge.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sync: what changes inside a mapper's scope. Memberships outside the scope never reach this table. */
class AssignmentsTest {

    static Stream<Arguments> changes() {
        return Stream.of(
                // held in scope,       target,             sync,  added,             removed
                arguments(Set.of(), Set.of("Sales"), false, Set.of("Sales"), Set.of()),
                arguments(Set.of("Sales"), Set.of("Sales"), true, Set.of(), Set.of()),
                arguments(Set.of("Sales"), Set.of("Support"), true, Set.of("Support"), Set.of("Sales")),
                arguments(Set.of("Sales"), Set.of("Support"), false, Set.of("Support"), Set.of()),
                arguments(Set.of("Sales", "QA"), Set.of(), true, Set.of(), Set.of("Sales", "QA")),
                arguments(Set.of("Sales", "QA"), Set.of("QA", "Ops"), true, Set.of("Ops"), Set.of("Sales")));
    }

    @ParameterizedTest(name = "{0} -> {1} sync={2}")
    @MethodSource("changes")
    void addsWhatIsNewAndRemovesWhatIsNoLongerAssertedOnlyWhenSyncing(Set<String> current, Set<String> target,
                                                                       boolean sync, Set<String> added,
                                                                       Set<String> removed) {
        assertEquals(new Assignments(added, removed), Assignments.between(current, target, sync));
    }
}
