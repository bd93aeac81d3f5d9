package dev.orgbridge.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MappingDenialTest {

    @ParameterizedTest(name = "{0}: event error {1}, message key {2}")
    @CsvSource(textBlock = """
            SEVERAL_VALUES, orgbridge_several_values, orgbridgeSeveralValues
            UNKNOWN_GROUP,  orgbridge_unknown_group,  orgbridgeUnknownGroup
            UNKNOWN_ROLE,   orgbridge_unknown_role,   orgbridgeUnknownRole
            """)
    void everyDenialHasAnEventErrorAndAMessageKey(MappingDenial denial, String errorCode, String messageKey) {
        assertEquals(errorCode, denial.errorCode());
        assertEquals(messageKey, denial.messageKey());
    }

    @Test
    void theTableAboveCoversEveryDenial() {
        assertEquals(3, MappingDenial.values().length, Arrays.toString(MappingDenial.values()));
    }
}
