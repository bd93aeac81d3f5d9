package dev.orgbridge.core.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a target that keeps failing is quarantined: no more deliveries (messages wait, then expire by the retry
 * schedule's max age) until an admin releases it or a periodic probe succeeds. A target is quarantined when its last
 * {@link #consecutiveFailures()} attempts all failed and it has been failing for at least {@link #failingFor()}; one
 * success resets both counts. Both conditions, so that neither a burst of failures in a second nor one failure a day
 * is enough.
 */
public record Quarantine(int consecutiveFailures, Duration failingFor) {

    /** 20 failed attempts in a row, over at least an hour. */
    public static final Quarantine DEFAULT = new Quarantine(20, Duration.ofHours(1));

    public Quarantine {
        if (consecutiveFailures < 1) {
            throw new IllegalArgumentException("quarantine needs at least 1 failure, not " + consecutiveFailures);
        }
        Objects.requireNonNull(failingFor, "failingFor");
        if (failingFor.isNegative()) {
            throw new IllegalArgumentException("the failing time must not be negative, not " + failingFor);
        }
    }

    /**
     * Whether to quarantine a target whose last {@code failures} attempts failed, the first of them at
     * {@code firstFailureAt}.
     */
    public boolean applies(int failures, Instant firstFailureAt, Instant now) {
        return failures >= consecutiveFailures && !now.isBefore(firstFailureAt.plus(failingFor));
    }
}
