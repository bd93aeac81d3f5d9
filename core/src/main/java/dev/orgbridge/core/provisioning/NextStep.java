package dev.orgbridge.core.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** What the worker does with a message after an attempt: {@link RetrySchedule#after}. */
public sealed interface NextStep {

    /** Delivered: mark it done. */
    record Delivered() implements NextStep {
    }

    /** Try again at {@code at} ({@code now + delay}). */
    record RetryAt(Instant at, Duration delay) implements NextStep {
        public RetryAt {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** Give up: keep it as a dead letter an admin can retry. */
    record DeadLetter(Reason reason) implements NextStep {
        public DeadLetter {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a message became a dead letter. */
    enum Reason {
        /** The target refused it in a way retrying cannot mend (e.g. HTTP 400). */
        PERMANENT_FAILURE,
        /** It failed as many times as the schedule allows. */
        TOO_MANY_ATTEMPTS,
        /** Its next attempt would come after the schedule's maximum age. */
        TOO_OLD;

        /** As the provisioning log and the admin API say it, e.g. {@code permanent failure}. */
        public String words() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }
}
