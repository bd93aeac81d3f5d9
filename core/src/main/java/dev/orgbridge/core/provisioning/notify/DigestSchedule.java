package dev.orgbridge.core.provisioning.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How often a notification target may send a failure digest: at most once per {@link #interval()}. The worker keeps
 * the time the last digest went out and the failures since (in the database: every node sees the same), asks
 * {@link #check} when failures are waiting, and sends one digest for all of them when it may: a burst of a thousand
 * failures is one mail.
 */
public record DigestSchedule(Duration interval) {

    public static final int MIN_MINUTES = 5;
    public static final int MAX_MINUTES = 24 * 60;
    public static final DigestSchedule DEFAULT = ofMinutes(60);

    public DigestSchedule {
        Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(Duration.ofMinutes(MIN_MINUTES)) < 0
                || interval.compareTo(Duration.ofMinutes(MAX_MINUTES)) > 0) {
            throw new IllegalArgumentException("the digest interval must be " + MIN_MINUTES + " to " + MAX_MINUTES
                    + " minutes, not " + interval);
        }
    }

    public static DigestSchedule ofMinutes(int minutes) {
        return new DigestSchedule(Duration.ofMinutes(minutes));
    }

    /** Whether a digest may go now. */
    public sealed interface Verdict {
        /** When the next digest may go: after this one if it goes now, or when to look again. */
        Instant next();
    }

    /** Send the digest now, then keep {@code now} as the last time; the next may go at {@code next}. */
    public record SendNow(Instant next) implements Verdict {
        public SendNow {
            Objects.requireNonNull(next, "next");
        }
    }

    /** Keep counting: the last digest is too recent. */
    public record Wait(Instant next) implements Verdict {
        public Wait {
            Objects.requireNonNull(next, "next");
        }
    }

    /**
     * The verdict at {@code now} for a target whose last digest went out at {@code lastSent} (empty: never). A last
     * time ahead of {@code now} (another node's clock runs ahead) counts as it is: wait a whole interval after it.
     */
    public Verdict check(Optional<Instant> lastSent, Instant now) {
        Objects.requireNonNull(now, "now");
        if (lastSent.isPresent()) {
            Instant allowed = lastSent.get().plus(interval);
            if (now.isBefore(allowed)) {
                return new Wait(allowed);
            }
        }
        return new SendNow(now.plus(interval));
    }
}
