package dev.orgbridge.core.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed message again, and when to give up. After the n-th failed attempt the message waits the n-th
 * delay of the list (the last one again once the list runs out), stretched or shrunk by a random factor in
 * {@code [1 - jitter, 1 + jitter)} so that many messages failing together do not all come back together. A
 * {@code Retry-After} the target sent lengthens the wait (never shortens it), up to {@link #maxRetryAfter()}.
 * A message becomes a dead letter after {@link #maxAttempts()} attempts, or when its next attempt would fall more
 * than {@link #maxAge()} after it was queued.
 *
 * <p>The random source is passed in: uniform in {@code [0, 1)}, {@code ThreadLocalRandom.current()::nextDouble} in
 * production, a constant in tests.
 */
public final class RetrySchedule {

    /** 1 s, 5 s, 30 s, 2 min, 10 min, 1 h, 6 h: Keycloak's own outbox schedule. */
    public static final List<Duration> REFERENCE_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1),
            Duration.ofHours(6));
    /** ±25 %. */
    public static final double REFERENCE_JITTER = 0.25;
    /** The first attempt and one retry per reference delay. */
    public static final int DEFAULT_MAX_ATTEMPTS = REFERENCE_DELAYS.size() + 1;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofHours(6);

    private final List<Duration> delays;
    private final double jitter;
    private final int maxAttempts;
    private final Duration maxAge;
    private final Duration maxRetryAfter;

    private RetrySchedule(List<Duration> delays, double jitter, int maxAttempts, Duration maxAge,
            Duration maxRetryAfter) {
        if (delays.isEmpty() || delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("retry delays must be a non-empty list of positive durations");
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("retry jitter must be at least 0 and below 1, not " + jitter);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1, not " + maxAttempts);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("max age must be positive, not " + maxAge);
        }
        if (maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("max Retry-After must not be negative, not " + maxRetryAfter);
        }
        this.delays = List.copyOf(delays);
        this.jitter = jitter;
        this.maxAttempts = maxAttempts;
        this.maxAge = maxAge;
        this.maxRetryAfter = maxRetryAfter;
    }

    /** The reference schedule: {@link #REFERENCE_DELAYS} ±25 %, 8 attempts, 24 hours, Retry-After up to 6 hours. */
    public static RetrySchedule reference() {
        return new RetrySchedule(REFERENCE_DELAYS, REFERENCE_JITTER, DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_AGE,
                DEFAULT_MAX_RETRY_AFTER);
    }

    /** Own delays and jitter, with the default limits. */
    public static RetrySchedule of(List<Duration> delays, double jitter) {
        return new RetrySchedule(delays, jitter, DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_AGE, DEFAULT_MAX_RETRY_AFTER);
    }

    public RetrySchedule withMaxAttempts(int attempts) {
        return new RetrySchedule(delays, jitter, attempts, maxAge, maxRetryAfter);
    }

    public RetrySchedule withMaxAge(Duration age) {
        return new RetrySchedule(delays, jitter, maxAttempts, Objects.requireNonNull(age, "age"), maxRetryAfter);
    }

    public RetrySchedule withMaxRetryAfter(Duration wait) {
        return new RetrySchedule(delays, jitter, maxAttempts, maxAge, Objects.requireNonNull(wait, "wait"));
    }

    /**
     * What to do after attempt number {@code attempt} (1 for the first) of a message queued at {@code queuedAt}
     * came to {@code outcome} at {@code now}.
     */
    public NextStep after(DeliveryOutcome outcome, int attempt, Instant queuedAt, Instant now, DoubleSupplier random) {
        if (outcome instanceof DeliveryOutcome.Success) {
            return new NextStep.Delivered();
        }
        if (outcome instanceof DeliveryOutcome.Retry retry) {
            return afterFailure(attempt, queuedAt, now, retry.retryAfter(), random);
        }
        return new NextStep.DeadLetter(NextStep.Reason.PERMANENT_FAILURE);
    }

    /** After a retryable failure of attempt number {@code attempt}: when to retry, or a dead letter. */
    public NextStep afterFailure(int attempt, Instant queuedAt, Instant now, Optional<Duration> retryAfter,
            DoubleSupplier random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts are counted from 1, not " + attempt);
        }
        if (attempt >= maxAttempts) {
            return new NextStep.DeadLetter(NextStep.Reason.TOO_MANY_ATTEMPTS);
        }
        Duration delay = delayAfter(attempt, random);
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().compareTo(maxRetryAfter) <= 0 ? retryAfter.get() : maxRetryAfter;
            delay = asked.compareTo(delay) > 0 ? asked : delay;
        }
        Instant at = now.plus(delay);
        if (at.isAfter(queuedAt.plus(maxAge))) {
            return new NextStep.DeadLetter(NextStep.Reason.TOO_OLD);
        }
        return new NextStep.RetryAt(at, delay);
    }

    /**
     * The jittered wait after failed attempt number {@code attempt}: the attempt-th delay (the last one beyond the
     * list) times {@code 1 + jitter × (2u − 1)}, u from {@code random}, in whole milliseconds.
     */
    public Duration delayAfter(int attempt, DoubleSupplier random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts are counted from 1, not " + attempt);
        }
        double u = random.getAsDouble();
        if (!(u >= 0 && u < 1)) {
            throw new IllegalArgumentException("the random source must give values in [0, 1), not " + u);
        }
        Duration base = delays.get(Math.min(attempt, delays.size()) - 1);
        double factor = 1 + jitter * (2 * u - 1);
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }

    /** Whether a message queued at {@code queuedAt} is too old to send at all (it waited behind a paused target). */
    public boolean expired(Instant queuedAt, Instant now) {
        return now.isAfter(queuedAt.plus(maxAge));
    }

    public List<Duration> delays() {
        return delays;
    }

    public double jitter() {
        return jitter;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration maxAge() {
        return maxAge;
    }

    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }
}
