package dev.orgbridge.core.mapping;

import static dev.orgbridge.core.mapping.MappingWarning.Kind.AMBIGUOUS_GROUP;
import static dev.orgbridge.core.mapping.MappingWarning.Kind.NOT_A_GROUP_NAME;
import static dev.orgbridge.core.mapping.MappingWarning.Kind.UNKNOWN_GROUP;
import static dev.orgbridge.core.mapping.UnknownGroupAction.CREATE;
import static dev.orgbridge.core.mapping.UnknownGroupAction.DENY;
import static dev.orgbridge.core.mapping.UnknownGroupAction.IGNORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.mapping.GroupChoice.Cause;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The group-mapping table of docs/idp-mappers.md, row by row. */
class GroupMappingTest {

    private static final GroupRef SALES = new GroupRef("g-sales", "Sales");
    private static final GroupRef SUPPORT = new GroupRef("g-support", "Support");
    private static final GroupRef EVERYONE = new GroupRef("g-everyone", "Everyone");
    private static final GroupRef QA_UPPER = new GroupRef("g-qa1", "QA");
    private static final GroupRef QA_LOWER = new GroupRef("g-qa2", "qa");
    private static final GroupRef SLASHED = new GroupRef("g-slash", "R/D");

    /** The children of "/teams", answering like the adapter: exact names, or equal ignoring case. */
    private static final GroupScope TEAMS = (name, ignoreCase) -> Stream.of(SALES, SUPPORT, EVERYONE, QA_UPPER,
                    QA_LOWER, SLASHED)
            .filter(group -> ignoreCase ? group.name().equalsIgnoreCase(name) : group.name().equals(name))
            .toList();

    private static GroupRule rule(boolean ignoreCase, String defaultGroup, UnknownGroupAction unknown) {
        return new GroupRule(ignoreCase, Optional.ofNullable(defaultGroup), unknown, MultipleValues.ALL);
    }

    private static final GroupRule EXACT = rule(false, null, IGNORE);
    private static final GroupRule ANY_CASE = rule(true, null, IGNORE);
    private static final GroupRule WITH_DEFAULT = rule(false, "Everyone", IGNORE);
    private static final GroupRule CREATING = rule(false, null, CREATE);
    private static final GroupRule DENYING = rule(false, null, DENY);

    static Stream<Arguments> assignments() {
        return Stream.of(
                // rule,        values,                  groups assigned,              warnings
                arguments(EXACT, List.of("Sales"), List.of("g-sales"), List.of()),
                arguments(EXACT, List.of("Sales", "Support"), List.of("g-sales", "g-support"), List.of()),
                arguments(EXACT, List.of("sales"), List.of(), List.of(UNKNOWN_GROUP)),
                arguments(ANY_CASE, List.of("sales"), List.of("g-sales"), List.of()),
                arguments(ANY_CASE, List.of("SALES", "Sales"), List.of("g-sales"), List.of()),
                arguments(ANY_CASE, List.of("qa"), List.of("g-qa2"), List.of()),
                arguments(ANY_CASE, List.of("QA"), List.of("g-qa1"), List.of()),
                arguments(ANY_CASE, List.of("Qa"), List.of(), List.of(AMBIGUOUS_GROUP)),
                arguments(EXACT, List.of("Marketing"), List.of(), List.of(UNKNOWN_GROUP)),
                arguments(EXACT, List.of("Marketing", "Sales"), List.of("g-sales"), List.of(UNKNOWN_GROUP)),
                arguments(WITH_DEFAULT, List.of(), List.of("g-everyone"), List.of()),
                arguments(WITH_DEFAULT, List.of("Sales"), List.of("g-sales"), List.of()),
                arguments(WITH_DEFAULT, List.of("Marketing"), List.of(), List.of(UNKNOWN_GROUP)),
                arguments(EXACT, List.of(), List.of(), List.of()),
                // never a path: only a group of that literal name in the scope
                arguments(EXACT, List.of("R/D"), List.of("g-slash"), List.of()),
                arguments(EXACT, List.of("/teams/Sales"), List.of(), List.of(UNKNOWN_GROUP)),
                arguments(EXACT, List.of("../admins"), List.of(), List.of(UNKNOWN_GROUP)),
                arguments(EXACT, List.of(".."), List.of(), List.of(UNKNOWN_GROUP)),
                arguments(EXACT, List.of("Sal%"), List.of(), List.of(UNKNOWN_GROUP)),
                arguments(ANY_CASE, List.of("Sale_"), List.of(), List.of(UNKNOWN_GROUP)),
                arguments(CREATING, List.of("../admins"), List.of(), List.of(NOT_A_GROUP_NAME)),
                arguments(CREATING, List.of("/admins"), List.of(), List.of(NOT_A_GROUP_NAME)),
                arguments(CREATING, List.of(".."), List.of(), List.of(NOT_A_GROUP_NAME)),
                arguments(CREATING, List.of("."), List.of(), List.of(NOT_A_GROUP_NAME)));
    }

    @ParameterizedTest(name = "{1} -> {2} {3}")
    @MethodSource("assignments")
    void assignsTheGroupsTheValuesName(GroupRule rule, List<String> values, List<String> groupIds,
                                      List<MappingWarning.Kind> warnings) {
        GroupPlan.Assign plan = (GroupPlan.Assign) GroupMapping.plan(read(values), rule, TEAMS);
        assertEquals(groupIds, plan.groups().stream().map(c -> c.existing().orElseThrow().id()).toList());
        assertEquals(warnings, plan.warnings().stream().map(MappingWarning::kind).toList());
    }

    @Test
    void createsAnUnknownGroupInTheScopeWhenAllowed() {
        GroupPlan.Assign plan = (GroupPlan.Assign) GroupMapping.plan(read(List.of("Marketing", "Sales")), CREATING,
                TEAMS);
        assertEquals(List.of(new GroupChoice(Optional.empty(), "Marketing", "Marketing", Cause.ASSERTED),
                new GroupChoice(Optional.of(SALES), "Sales", "Sales", Cause.ASSERTED)), plan.groups());
    }

    @Test
    void createsAMissingDefaultGroupWhenAllowed() {
        GroupRule rule = rule(false, "Everyone", CREATE);
        GroupPlan.Assign plan = (GroupPlan.Assign) GroupMapping.plan(read(List.of()), rule, GroupScope.EMPTY);
        assertEquals(List.of(new GroupChoice(Optional.empty(), "Everyone", "Everyone", Cause.DEFAULT)),
                plan.groups());
    }

    @Test
    void theDefaultGroupIsMarkedAsTheDefault() {
        GroupPlan.Assign plan = (GroupPlan.Assign) GroupMapping.plan(read(List.of()), WITH_DEFAULT, TEAMS);
        assertEquals(List.of(new GroupChoice(Optional.of(EVERYONE), "Everyone", "Everyone", Cause.DEFAULT)),
                plan.groups());
    }

    @Test
    void deniesAnUnknownValueWhenSoConfigured() {
        assertEquals(new GroupPlan.Deny(MappingDenial.UNKNOWN_GROUP, "Marketing", List.of()),
                GroupMapping.plan(read(List.of("Sales", "Marketing")), DENYING, TEAMS));
    }

    @Test
    void deniesSeveralValuesWhenSoConfigured() {
        GroupRule single = new GroupRule(false, Optional.empty(), IGNORE, MultipleValues.DENY);
        assertEquals(new GroupPlan.Deny(MappingDenial.SEVERAL_VALUES, "", List.of()),
                GroupMapping.plan(AssertedValues.read(List.of("Sales", "Support"), MultipleValues.DENY), single,
                        TEAMS));
    }

    @Test
    void aDenyingMapperStillMapsKnownValues() {
        GroupPlan.Assign plan = (GroupPlan.Assign) GroupMapping.plan(read(List.of("Sales")), DENYING, TEAMS);
        assertEquals(List.of("Sales"), plan.groups().stream().map(GroupChoice::name).toList());
    }

    private static ValueReading read(List<String> values) {
        return AssertedValues.read(values, MultipleValues.ALL);
    }
}
