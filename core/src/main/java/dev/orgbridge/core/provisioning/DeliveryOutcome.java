package dev.orgbridge.core.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one delivery attempt (a webhook POST or a SCIM call) came to: delivered, worth retrying, or failed for good.
 *
 * <table>
 * <caption>Classification</caption>
 * <tr><th>Answer</th><th>Outcome</th></tr>
 * <tr><td>2xx</td><td>{@link Success}</td></tr>
 * <tr><td>408, 429, 5xx; a timeout, refused or reset connection, unknown host, TLS failure</td><td>{@link Retry}
 *     (429 and 503 with their {@code Retry-After})</td></tr>
 * <tr><td>any other status (1xx, 3xx: redirects are not followed, other 4xx); an address the policy refuses</td>
 *     <td>{@link PermanentFailure}</td></tr>
 * </table>
 */
public sealed interface DeliveryOutcome {

    /** Classifies an HTTP answer; {@code retryAfter} is the header's value (or null), read relative to {@code now}. */
    static DeliveryOutcome ofResponse(int status, String retryAfter, Instant now) {
        if (status >= 200 && status <= 299) {
            return new Success(status);
        }
        HttpStatus cause = new HttpStatus(status);
        if (status == 429 || status == 503) {
            return new Retry(cause, RetryAfter.parse(retryAfter, now));
        }
        if (status == 408 || (status >= 500 && status <= 599)) {
            return new Retry(cause, Optional.empty());
        }
        return new PermanentFailure(cause);
    }

    /** Classifies an attempt that got no HTTP answer. */
    static DeliveryOutcome ofFailure(TransportFailure failure) {
        return failure.retryable() ? new Retry(failure, Optional.empty()) : new PermanentFailure(failure);
    }

    /** Short, log-safe words: {@code HTTP 503}, {@code connect timeout}. */
    String describe();

    /**
     * The target took it.
     *
     * @param status the HTTP status (2xx), or {@link #MAILED} for a notification mail the SMTP server took
     */
    record Success(int status) implements DeliveryOutcome {

        /** A mail has no HTTP status. */
        public static final int MAILED = 0;

        @Override
        public String describe() {
            return status == MAILED ? "mailed" : "HTTP " + status;
        }
    }

    /**
     * Try again later.
     *
     * @param retryAfter how long the target asked to wait (429 and 503 only): at least 0, as long as the header said
     */
    record Retry(Cause cause, Optional<Duration> retryAfter) implements DeliveryOutcome {
        public Retry {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        @Override
        public String describe() {
            return cause.describe();
        }
    }

    /** Retrying cannot help: the message goes to the dead letters at once. */
    record PermanentFailure(Cause cause) implements DeliveryOutcome {
        public PermanentFailure {
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public String describe() {
            return cause.describe();
        }
    }

    /** Why an attempt did not succeed: the target's status, or what went wrong before one arrived. */
    sealed interface Cause permits HttpStatus, TransportFailure {
        String describe();
    }

    /** The target answered with this status. */
    record HttpStatus(int code) implements Cause {
        @Override
        public String describe() {
            return "HTTP " + code;
        }
    }

    /** No HTTP answer (or no mail sent). The adapter maps its client's exceptions onto these. */
    enum TransportFailure implements Cause {
        CONNECT_TIMEOUT(true),
        /** Connected, but the answer did not come in time. */
        READ_TIMEOUT(true),
        CONNECTION_REFUSED(true),
        CONNECTION_RESET(true),
        /** The host name did not resolve (DNS may recover). */
        UNKNOWN_HOST(true),
        /** The TLS handshake failed, e.g. an expired certificate (the target's admin may fix it). */
        TLS_FAILURE(true),
        /** The host resolved to an address the target's policy refuses ({@link TargetUrl#refusedAddress}). */
        ADDRESS_REFUSED(false),
        /** A notification mail: the realm's SMTP server could not be reached or refused it (it may recover). */
        MAIL_NOT_SENT(true),
        /** A notification mail: the realm has no SMTP server or sender address; an admin must set them. */
        MAIL_NOT_CONFIGURED(false);

        private final boolean retryable;

        TransportFailure(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }

        @Override
        public String describe() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }
}
