package dev.orgbridge.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.provisioning.Coalescing.PendingChange;
import dev.orgbridge.core.provisioning.Coalescing.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pending changes are written {@code <sequence>:<type>[@<organization or group>]}; a plan as its calls
 * {@code <type>[@container] [<rows settled>]}, then {@code | dropped [<rows>]}.
 */
class CoalescingTest {

    static Stream<Arguments> users() {
        return Stream.of(
                arguments("nothing pending", "", " | dropped []"),
                arguments("created", "1:user.created", "user.created [1] | dropped []"),
                arguments("created, then updated", "1:user.created 2:user.updated",
                        "user.created [1, 2] | dropped []"),
                arguments("created, then disabled: one create, inactive", "1:user.created 2:user.disabled",
                        "user.created [1, 2] | dropped []"),
                arguments("three updates", "4:user.updated 5:user.updated 9:user.updated",
                        "user.updated [4, 5, 9] | dropped []"),
                arguments("disabled", "1:user.disabled", "user.disabled [1] | dropped []"),
                arguments("disabled, then enabled: the last toggle", "1:user.disabled 2:user.enabled",
                        "user.enabled [1, 2] | dropped []"),
                arguments("updated and disabled: one update carrying active", "1:user.updated 2:user.disabled",
                        "user.updated [1, 2] | dropped []"),
                arguments("disabled, then updated", "1:user.disabled 2:user.updated",
                        "user.updated [1, 2] | dropped []"),
                arguments("created, then deleted: nothing", "1:user.created 2:user.updated 3:user.deleted",
                        " | dropped [1, 2, 3]"),
                arguments("updated, then deleted: one delete", "1:user.updated 2:user.disabled 3:user.deleted",
                        "user.deleted [1, 2, 3] | dropped []"),
                arguments("deleted", "7:user.deleted", "user.deleted [7] | dropped []"),
                arguments("deleted is terminal", "1:user.deleted 2:user.updated 3:user.deleted",
                        "user.deleted [1] | dropped [2, 3]"),
                arguments("created and added: create first, then join",
                        "1:user.created 2:organization.member.added@acme 3:group.member.added@sales 4:user.updated",
                        "user.created [1, 4] organization.member.added@acme [2] group.member.added@sales [3]"
                                + " | dropped []"),
                arguments("added, then removed: nothing",
                        "1:group.member.added@sales 2:group.member.removed@sales",
                        " | dropped [1, 2]"),
                arguments("removed, then added back: nothing",
                        "1:group.member.removed@sales 2:group.member.added@sales",
                        " | dropped [1, 2]"),
                arguments("added, removed, added: one add",
                        "1:group.member.added@sales 2:group.member.removed@sales 3:group.member.added@sales",
                        "group.member.added@sales [1, 2, 3] | dropped []"),
                arguments("removed twice: one remove",
                        "1:organization.member.removed@acme 2:organization.member.removed@acme",
                        "organization.member.removed@acme [1, 2] | dropped []"),
                arguments("each group on its own, in order of first appearance",
                        "1:group.member.added@b 2:group.member.added@a 3:group.member.removed@b",
                        "group.member.added@a [2] | dropped [1, 3]"),
                arguments("an organization and a group of the same id are different",
                        "1:organization.member.added@x 2:group.member.removed@x",
                        "organization.member.added@x [1] group.member.removed@x [2] | dropped []"),
                arguments("membership then update: the user's own call first",
                        "1:group.member.added@sales 2:user.updated",
                        "user.updated [2] group.member.added@sales [1] | dropped []"),
                arguments("a deleted user's memberships are dropped",
                        "1:group.member.added@sales 2:user.updated 3:organization.member.removed@acme 4:user.deleted",
                        "user.deleted [2, 4] | dropped [1, 3]"),
                arguments("created, joined, deleted: nothing at all",
                        "1:user.created 2:organization.member.added@acme 3:user.deleted",
                        " | dropped [1, 2, 3]"));
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @MethodSource("users")
    void coalescesAUsersChanges(String story, String pending, String plan) {
        assertEquals(plan, show(Coalescing.plan(SubjectKind.USER, parse(pending))));
    }

    static Stream<Arguments> organizations() {
        return Stream.of(
                arguments("1:organization.created 2:organization.updated", "organization.created [1, 2] | dropped []"),
                arguments("1:organization.updated 2:organization.updated", "organization.updated [1, 2] | dropped []"),
                arguments("1:organization.created 2:organization.deleted", " | dropped [1, 2]"),
                arguments("1:organization.updated 2:organization.deleted", "organization.deleted [1, 2] | dropped []"),
                arguments("1:organization.deleted 2:organization.updated", "organization.deleted [1] | dropped [2]"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("organizations")
    void coalescesAnOrganizationsChanges(String pending, String plan) {
        assertEquals(plan, show(Coalescing.plan(SubjectKind.ORGANIZATION, parse(pending))));
    }

    static Stream<Arguments> groups() {
        return Stream.of(
                arguments("one re-sync", "1:group.synced", "group.synced [1] | dropped []"),
                arguments("two re-syncs before the first was sent: one call, the state at send time",
                        "1:group.synced 5:group.synced", "group.synced [1, 5] | dropped []"),
                arguments("deleted", "1:group.deleted", "group.deleted [1] | dropped []"),
                arguments("a re-sync then the deletion: only the deletion is sent",
                        "1:group.synced 2:group.deleted", "group.deleted [1, 2] | dropped []"));
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @MethodSource("groups")
    void coalescesAGroupsReSyncs(String story, String pending, String plan) {
        assertEquals(plan, show(Coalescing.plan(SubjectKind.GROUP, parse(pending))));
    }

    @Test
    void aGroupsQueueTakesNoChangeOfAUser() {
        assertThrows(IllegalArgumentException.class,
                () -> Coalescing.plan(SubjectKind.GROUP, parse("1:group.member.added@sales")));
        assertThrows(IllegalArgumentException.class,
                () -> Coalescing.plan(SubjectKind.USER, parse("1:group.synced")));
    }

    @Test
    void everyRowIsSettledExactlyOnce() {
        String pending = "1:user.created 2:group.member.added@a 3:group.member.removed@a 4:user.disabled "
                + "5:organization.member.added@acme 6:group.member.added@b";
        Plan plan = Coalescing.plan(SubjectKind.USER, parse(pending));
        List<Long> settled = new ArrayList<>(plan.dropped());
        plan.calls().forEach(call -> settled.addAll(call.covers()));
        settled.sort(null);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), settled);
    }

    @Test
    void refusesChangesOfAnotherSubjectOrOutOfOrder() {
        assertThrows(IllegalArgumentException.class,
                () -> Coalescing.plan(SubjectKind.ORGANIZATION, parse("1:organization.member.added@acme")));
        assertThrows(IllegalArgumentException.class,
                () -> Coalescing.plan(SubjectKind.USER, parse("1:organization.created")));
        assertThrows(IllegalArgumentException.class,
                () -> Coalescing.plan(SubjectKind.USER, parse("2:user.updated 1:user.created")));
        assertThrows(IllegalArgumentException.class,
                () -> Coalescing.plan(SubjectKind.USER, parse("1:user.updated 1:user.updated")));
        assertThrows(IllegalArgumentException.class,
                () -> new PendingChange(1, EventType.GROUP_MEMBER_ADDED, null));
        assertThrows(IllegalArgumentException.class, () -> new PendingChange(1, EventType.USER_UPDATED, "x"));
    }

    private static List<PendingChange> parse(String pending) {
        if (pending.isBlank()) {
            return List.of();
        }
        return Stream.of(pending.split(" ")).map(item -> {
            String[] seqAndRest = item.split(":", 2);
            String[] typeAndContainer = seqAndRest[1].split("@", 2);
            EventType type = EventType.fromWireName(typeAndContainer[0]).orElseThrow();
            return new PendingChange(Long.parseLong(seqAndRest[0]), type,
                    typeAndContainer.length > 1 ? typeAndContainer[1] : null);
        }).toList();
    }

    private static String show(Plan plan) {
        return plan.calls().stream()
                .map(call -> call.type() + (call.containerId() == null ? "" : "@" + call.containerId()) + " "
                        + call.covers())
                .collect(Collectors.joining(" ")) + " | dropped " + plan.dropped();
    }
}
