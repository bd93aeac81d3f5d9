package dev.orgbridge.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResyncStepTest {

    @ParameterizedTest(name = "users walked {0}, pushes groups {1}, groups begun {2}, pending {3} → {4}")
    @CsvSource({
        "false, false, false, 0,  USERS",
        "false, true,  false, 7,  USERS",
        "true,  false, false, 0,  END",
        "true,  false, false, 3,  END",
        "true,  true,  false, 1,  WAIT",
        "true,  true,  false, 0,  GROUPS",
        "true,  true,  true,  4,  GROUPS",
        "true,  true,  true,  0,  GROUPS"
    })
    void usersFirstThenGroupsOnceTheUsersSettled(boolean usersWalked, boolean pushesGroups, boolean groupsBegun,
                                                 long pending, ResyncStep step) {
        assertEquals(step, ResyncStep.next(usersWalked, pushesGroups, groupsBegun, pending));
    }

    @ParameterizedTest
    @CsvSource({"-1"})
    void refusesANegativeCount(long pending) {
        assertThrows(IllegalArgumentException.class, () -> ResyncStep.next(true, true, false, pending));
    }
}
