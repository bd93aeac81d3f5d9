package dev.orgbridge.delivery.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.core.provisioning.MassDeletionGuard;
import dev.orgbridge.core.provisioning.Quarantine;
import dev.orgbridge.core.provisioning.RetrySchedule;
import dev.orgbridge.support.config.InvalidSettingsException;
import dev.orgbridge.support.config.SettingsReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryPolicyTest {

    @Test
    void withoutSettingsTheReferenceScheduleQuarantineAndGuardApply() {
        DeliveryPolicy policy = DeliveryPolicy.parse(SettingsReader.of("target", Map.of()));

        assertEquals(RetrySchedule.REFERENCE_DELAYS, policy.retries().delays());
        assertEquals(RetrySchedule.DEFAULT_MAX_ATTEMPTS, policy.retries().maxAttempts());
        assertEquals(RetrySchedule.DEFAULT_MAX_AGE, policy.retries().maxAge());
        assertEquals(Quarantine.DEFAULT, policy.quarantine());
        assertEquals(MassDeletionGuard.DEFAULT, policy.massDeletion());
    }

    @Test
    void everyOptionIsRead() {
        DeliveryPolicy policy = DeliveryPolicy.parse(SettingsReader.of("target", Map.of(
                "retryDelaysSeconds", " 2, 10 ,60", "maxAttempts", "5", "maxAgeHours", "48",
                "quarantineAfterFailures", "3", "quarantineAfterMinutes", "0",
                "massDeletionPercent", "25", "massDeletionMinimum", "4")));

        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMinutes(1)),
                policy.retries().delays());
        assertEquals(5, policy.retries().maxAttempts());
        assertEquals(Duration.ofHours(48), policy.retries().maxAge());
        assertEquals(new Quarantine(3, Duration.ZERO), policy.quarantine());
        assertEquals(new MassDeletionGuard(25, 4, Duration.ofHours(1)), policy.massDeletion());
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is refused")
    @CsvSource(delimiter = '|', value = {
        "retryDelaysSeconds      | 1,x        | whole seconds separated by commas",
        "retryDelaysSeconds      | 0          | each wait is 1 to 86400 seconds",
        "retryDelaysSeconds      | 1,,2       | whole seconds separated by commas",
        "retryDelaysSeconds      | 90000      | each wait is 1 to 86400 seconds",
        "maxAttempts             | 0          | from 1 to 100",
        "maxAttempts             | many       | from 1 to 100",
        "maxAgeHours             | 0          | from 1 to 720",
        "quarantineAfterFailures | -1         | from 1 to 100000",
        "quarantineAfterMinutes  | 1.5        | from 0 to 10080",
        "massDeletionPercent     | 101        | from 1 to 100",
        "massDeletionMinimum     | 0          | from 1 to 1000000",
    })
    void settingsThatCannotWorkAreRefusedNamingTheOption(String option, String value, String problem) {
        InvalidSettingsException refused = assertThrows(InvalidSettingsException.class,
                () -> DeliveryPolicy.parse(SettingsReader.of("target 'app'", Map.of(option, value))));

        assertTrue(refused.getMessage().contains(option), refused.getMessage());
        assertTrue(refused.getMessage().contains(problem), refused.getMessage());
    }

    @Test
    void everyTargetKindOffersTheOptions() {
        List<String> names = DeliveryPolicy.withOwn(List.of()).stream().map(p -> p.getName()).toList();

        assertEquals(List.of("retryDelaysSeconds", "maxAttempts", "maxAgeHours", "quarantineAfterFailures",
                "quarantineAfterMinutes", "massDeletionPercent", "massDeletionMinimum"), names);
    }
}
