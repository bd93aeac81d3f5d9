package dev.orgbridge.core.mapping;

import static dev.orgbridge.core.mapping.RoleDecision.Cause.ASSERTED;
import static dev.orgbridge.core.mapping.RoleDecision.Cause.DEFAULT;
import static dev.orgbridge.core.mapping.RoleDecision.Cause.UNKNOWN_VALUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The role allow-list of docs/idp-mappers.md: the seed's userType → one of four roles, lowest by default. */
class RoleMappingTest {

    private static final List<RoleTable.Entry> USER_TYPES = List.of(
            new RoleTable.Entry("admin", "app-admin"),
            new RoleTable.Entry("department_admin", "app-department-admin"),
            new RoleTable.Entry("manager", "app.manager"),
            new RoleTable.Entry("sender", "app-sender"));

    private static RoleRule rule(boolean ignoreCase, UnknownRoleAction unknown, MultipleValues multiple) {
        return new RoleRule(RoleTable.of(USER_TYPES, ignoreCase), "app-sender", unknown, multiple);
    }

    private static final RoleRule EXACT = rule(false, UnknownRoleAction.DEFAULT_ROLE, MultipleValues.FIRST);
    private static final RoleRule ANY_CASE = rule(true, UnknownRoleAction.DEFAULT_ROLE, MultipleValues.FIRST);
    private static final RoleRule STRICT = rule(false, UnknownRoleAction.DENY, MultipleValues.DENY);

    static Stream<Arguments> grants() {
        return Stream.of(
                // rule,    values,                      role granted,            cause,         warned
                arguments(EXACT, List.of("admin"), "app-admin", ASSERTED, List.of()),
                arguments(EXACT, List.of("manager"), "app.manager", ASSERTED, List.of()),
                arguments(EXACT, List.of(" sender "), "app-sender", ASSERTED, List.of()),
                arguments(EXACT, List.of(), "app-sender", DEFAULT, List.of()),
                arguments(EXACT, List.of(""), "app-sender", DEFAULT, List.of()),
                arguments(EXACT, List.of("Admin"), "app-sender", UNKNOWN_VALUE,
                        List.of(MappingWarning.Kind.UNKNOWN_ROLE)),
                arguments(ANY_CASE, List.of("Admin"), "app-admin", ASSERTED, List.of()),
                arguments(EXACT, List.of("superuser"), "app-sender", UNKNOWN_VALUE,
                        List.of(MappingWarning.Kind.UNKNOWN_ROLE)),
                arguments(EXACT, List.of("<b>admin</b>"), "app-sender", UNKNOWN_VALUE,
                        List.of(MappingWarning.Kind.UNKNOWN_ROLE)),
                arguments(EXACT, List.of("manager", "admin"), "app.manager", ASSERTED,
                        List.of(MappingWarning.Kind.EXTRA_VALUE)),
                arguments(EXACT, List.of("x".repeat(300)), "app-sender", DEFAULT,
                        List.of(MappingWarning.Kind.VALUE_TOO_LONG)));
    }

    @ParameterizedTest(name = "{1} -> {2} ({3})")
    @MethodSource("grants")
    void grantsOneRoleOfTheAllowList(RoleRule rule, List<String> values, String role, RoleDecision.Cause cause,
                                     List<MappingWarning.Kind> warned) {
        RoleDecision.Grant grant = (RoleDecision.Grant) RoleMapping.decide(
                AssertedValues.read(values, rule.multiple()), rule);
        assertEquals(role, grant.role());
        assertEquals(cause, grant.cause());
        assertEquals(warned, grant.warnings().stream().map(MappingWarning::kind).toList());
    }

    static Stream<Arguments> denials() {
        return Stream.of(
                arguments(List.of("superuser"), MappingDenial.UNKNOWN_ROLE, "superuser"),
                arguments(List.of("admin", "sender"), MappingDenial.SEVERAL_VALUES, ""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("denials")
    void aStrictMapperDenies(List<String> values, MappingDenial denial, String value) {
        assertEquals(new RoleDecision.Deny(denial, value, List.of()),
                RoleMapping.decide(AssertedValues.read(values, STRICT.multiple()), STRICT));
    }

    @Test
    void theUserHoldsOneOfTheManagedRoles() {
        assertEquals(Set.of("app-admin", "app-department-admin", "app.manager", "app-sender"), EXACT.managedRoles());
    }

    @Test
    void aDefaultOutsideTheTableIsManagedToo() {
        RoleRule rule = new RoleRule(RoleTable.of(USER_TYPES, false), "viewer", UnknownRoleAction.DEFAULT_ROLE,
                MultipleValues.FIRST);
        assertEquals(true, rule.managedRoles().contains("viewer"));
    }

    @Test
    void aRoleMapperCannotMapEveryValue() {
        assertThrows(IllegalArgumentException.class, () -> new RoleRule(RoleTable.of(USER_TYPES, false),
                "app-sender", UnknownRoleAction.DEFAULT_ROLE, MultipleValues.ALL));
    }

    @Test
    void aRoleMapperNeedsADefault() {
        assertThrows(IllegalArgumentException.class, () -> new RoleRule(RoleTable.of(USER_TYPES, false), " ",
                UnknownRoleAction.DEFAULT_ROLE, MultipleValues.FIRST));
    }
}
