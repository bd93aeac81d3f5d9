package dev.orgbridge.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoleTableTest {

    private static final RoleTable.Entry ADMIN = new RoleTable.Entry("admin", "app-admin");
    private static final RoleTable.Entry SENDER = new RoleTable.Entry("sender", "app-sender");

    static Stream<Arguments> invalid() {
        return Stream.of(
                arguments(List.of(new RoleTable.Entry("", "app-admin")), false, "empty value or role"),
                arguments(List.of(new RoleTable.Entry("admin", " ")), false, "empty value or role"),
                arguments(List.of(ADMIN, new RoleTable.Entry("admin", "other")), false, "lists the value admin twice"),
                arguments(List.of(ADMIN, new RoleTable.Entry("ADMIN", "other")), true, "lists the value ADMIN twice"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("invalid")
    void refusesAnAmbiguousTable(List<RoleTable.Entry> entries, boolean ignoreCase, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RoleTable.of(entries, ignoreCase));
        assertEquals(true, e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void aCaseVariantIsAnotherValueInAnExactTable() {
        RoleTable table = RoleTable.of(List.of(ADMIN, new RoleTable.Entry("ADMIN", "other")), false);
        assertEquals(Optional.of("other"), table.roleFor("ADMIN"));
    }

    @Test
    void theValueHeldIsTheFirstRowWhoseRoleTheUserHas() {
        RoleTable table = RoleTable.of(List.of(ADMIN, SENDER), false);
        assertEquals(Optional.of("sender"), table.valueHeld(Set.of("app-sender", "offline_access")));
        assertEquals(Optional.of("admin"), table.valueHeld(Set.of("app-sender", "app-admin")));
        assertEquals(Optional.empty(), table.valueHeld(Set.of("offline_access")));
    }
}
