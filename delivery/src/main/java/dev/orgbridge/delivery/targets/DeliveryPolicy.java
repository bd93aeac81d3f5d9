package dev.orgbridge.delivery.targets;

import dev.orgbridge.core.provisioning.MassDeletionGuard;
import dev.orgbridge.core.provisioning.Quarantine;
import dev.orgbridge.core.provisioning.RetrySchedule;
import dev.orgbridge.support.config.SettingsReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * How the worker treats one target's failures, the same options on every kind of target: when to retry and give up,
 * when to quarantine it, when a burst of deletions pauses it.
 */
public record DeliveryPolicy(RetrySchedule retries, Quarantine quarantine, MassDeletionGuard massDeletion) {

    static final String RETRY_DELAYS = "retryDelaysSeconds";
    static final String MAX_ATTEMPTS = "maxAttempts";
    static final String MAX_AGE = "maxAgeHours";
    static final String QUARANTINE_FAILURES = "quarantineAfterFailures";
    static final String QUARANTINE_MINUTES = "quarantineAfterMinutes";
    static final String MASS_DELETION_PERCENT = "massDeletionPercent";
    static final String MASS_DELETION_MINIMUM = "massDeletionMinimum";

    private static final String DEFAULT_DELAYS = "1,5,30,120,600,3600,21600";
    private static final int MAX_DELAY_SECONDS = 86_400;

    /** The options, added to each target kind's own. */
    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(RETRY_DELAYS).label("Retry delays (seconds)")
            .helpText("Waits before the 1st, 2nd, … retry of a failed delivery, comma-separated; the last repeats. "
                    + "Each is stretched by ±25 % at random. A target's Retry-After (429, 503) lengthens a wait.")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_DELAYS).add()
            .property().name(MAX_ATTEMPTS).label("Attempts before dead letter")
            .helpText("A delivery that failed this many times becomes a dead letter (retry it from the admin API).")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(RetrySchedule.DEFAULT_MAX_ATTEMPTS).add()
            .property().name(MAX_AGE).label("Hours before dead letter")
            .helpText("A delivery still not through this many hours after the change becomes a dead letter.")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(RetrySchedule.DEFAULT_MAX_AGE.toHours()).add()
            .property().name(QUARANTINE_FAILURES).label("Quarantine after failures")
            .helpText("A target whose last deliveries all failed, this many and for the time below, is quarantined: "
                    + "only a probe every 5 minutes until one succeeds or an admin resumes it.")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(Quarantine.DEFAULT.consecutiveFailures()).add()
            .property().name(QUARANTINE_MINUTES).label("Quarantine after minutes failing")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(Quarantine.DEFAULT.failingFor().toMinutes()).add()
            .property().name(MASS_DELETION_PERCENT).label("Mass-deletion share (%)")
            .helpText("Deletions queued within an hour above this share of the users the target holds pause it "
                    + "until an admin confirms (resume).")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(MassDeletionGuard.DEFAULT.maxPercent()).add()
            .property().name(MASS_DELETION_MINIMUM).label("Mass-deletion minimum")
            .helpText("Fewer deletions than this never pause the target.")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(MassDeletionGuard.DEFAULT.minimumDeletions()).add()
            .build();

    /** The policy without any of these options set. */
    static final DeliveryPolicy DEFAULT = new DeliveryPolicy(RetrySchedule.reference(), Quarantine.DEFAULT,
            MassDeletionGuard.DEFAULT);

    /** The options of a target kind: its own, then these. */
    static List<ProviderConfigProperty> withOwn(List<ProviderConfigProperty> own) {
        List<ProviderConfigProperty> all = new ArrayList<>(own);
        all.addAll(PROPERTIES);
        return List.copyOf(all);
    }

    static DeliveryPolicy parse(SettingsReader settings) {
        List<Duration> delays = new ArrayList<>();
        for (String delay : settings.text(RETRY_DELAYS).orElse(DEFAULT_DELAYS).split(",")) {
            try {
                long seconds = Long.parseLong(delay.strip());
                if (seconds < 1 || seconds > MAX_DELAY_SECONDS) {
                    throw settings.invalid(RETRY_DELAYS, "has " + seconds + " but each wait is 1 to "
                            + MAX_DELAY_SECONDS + " seconds");
                }
                delays.add(Duration.ofSeconds(seconds));
            } catch (NumberFormatException e) {
                throw settings.invalid(RETRY_DELAYS, "must be whole seconds separated by commas, e.g. "
                        + DEFAULT_DELAYS);
            }
        }
        RetrySchedule retries = RetrySchedule.of(delays, RetrySchedule.REFERENCE_JITTER)
                .withMaxAttempts(settings.integer(MAX_ATTEMPTS, RetrySchedule.DEFAULT_MAX_ATTEMPTS, 1, 100))
                .withMaxAge(Duration.ofHours(settings.integer(MAX_AGE,
                        (int) RetrySchedule.DEFAULT_MAX_AGE.toHours(), 1, 24 * 30)));
        Quarantine quarantine = new Quarantine(
                settings.integer(QUARANTINE_FAILURES, Quarantine.DEFAULT.consecutiveFailures(), 1, 100_000),
                Duration.ofMinutes(settings.integer(QUARANTINE_MINUTES,
                        (int) Quarantine.DEFAULT.failingFor().toMinutes(), 0, 7 * 24 * 60)));
        MassDeletionGuard guard = new MassDeletionGuard(
                settings.integer(MASS_DELETION_PERCENT, MassDeletionGuard.DEFAULT.maxPercent(), 1, 100),
                settings.integer(MASS_DELETION_MINIMUM, MassDeletionGuard.DEFAULT.minimumDeletions(), 1, 1_000_000),
                MassDeletionGuard.DEFAULT.window());
        return new DeliveryPolicy(retries, quarantine, guard);
    }
}
