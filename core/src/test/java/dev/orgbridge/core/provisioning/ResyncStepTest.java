package dev.orgbridge.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResyncStepTest {

    @ParameterizedTest(name = "users walked {0}, pushes groups {1}, pending {2} → {3}")
    @CsvSource({
        "false, false, 0,  USERS",
        "false, true,  7,  USERS",
        "true,  false, 0,  END",
        "true,  false, 3,  END",
        "true,  true,  1,  WAIT",
        "true,  true,  0,  GROUPS"
    })
    void usersFirstThenGroupsOnceTheUsersSettled(boolean usersWalked, boolean pushesGroups, long pending,
                                                 ResyncStep step) {
        assertEquals(step, ResyncStep.next(usersWalked, pushesGroups, pending));
    }

    @ParameterizedTest
    @CsvSource({"-1"})
    void refusesANegativeCount(long pending) {
        assertThrows(IllegalArgumentException.class, () -> ResyncStep.next(true, true, pending));
    }
}
