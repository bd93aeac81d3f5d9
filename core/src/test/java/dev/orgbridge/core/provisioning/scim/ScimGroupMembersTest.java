package dev.orgbridge.core.provisioning.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.provisioning.scim.ScimGroupMembers.Member;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScimGroupMembersTest {

    private static final Member ANN = new Member(true, "r-ann");
    private static final Member BOB = new Member(true, "r-bob");
    private static final Member OUT_OF_SCOPE = new Member(false, "r-old");
    private static final Member NOT_HELD = new Member(true, null);

    static Stream<Arguments> groups() {
        return Stream.of(
                arguments("members in scope, held: exactly them", false, List.of(BOB, ANN),
                        Optional.of(List.of("r-ann", "r-bob"))),
                arguments("the target holds the group too: the same", true, List.of(ANN),
                        Optional.of(List.of("r-ann"))),
                arguments("members out of scope are left out", false, List.of(ANN, OUT_OF_SCOPE),
                        Optional.of(List.of("r-ann"))),
                arguments("members the target does not hold are left out", false, List.of(NOT_HELD, BOB),
                        Optional.of(List.of("r-bob"))),
                arguments("one member named twice is set once", false, List.of(ANN, ANN),
                        Optional.of(List.of("r-ann"))),
                arguments("a group the target holds, no member left for it: emptied", true,
                        List.of(OUT_OF_SCOPE, NOT_HELD), Optional.of(List.of())),
                arguments("an empty group the target holds: emptied", true, List.of(), Optional.of(List.of())),
                arguments("nothing for it, never sent: nothing", false, List.of(OUT_OF_SCOPE, NOT_HELD),
                        Optional.empty()),
                arguments("an empty group never sent: nothing", false, List.of(), Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void setsTheMembersTheTargetShouldHave(String story, boolean groupHeld, List<Member> members,
                                           Optional<List<String>> call) {
        assertEquals(call, ScimGroupMembers.of(groupHeld, members));
    }
}
