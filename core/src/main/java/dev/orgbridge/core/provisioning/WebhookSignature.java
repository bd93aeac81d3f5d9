package dev.orgbridge.core.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: the sender signs {@code <webhook-id>.<webhook-timestamp>.<body>} (the body as the
 * exact bytes sent) with HMAC-SHA256 under the {@linkplain WebhookSecret secret}'s key and sends
 * {@code webhook-signature: v1,<base64 of the MAC>}; during a secret rotation it sends one {@code v1,…} per secret,
 * separated by spaces. A receiver accepts the message when one of them matches and the timestamp is within its
 * tolerance of its clock, then dedupes on the id.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    /** How far a receiver lets a timestamp stray from its clock, either way. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    /** The version tag of a symmetric (HMAC-SHA256) signature. */
    public static final String VERSION = "v1";

    /**
     * What Orgbridge sends as a message id: letters, digits, {@code _} and {@code -}. No dot, so no two (id,
     * timestamp, body) triples sign the same text.
     */
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final int MAX_TIMESTAMP_DIGITS = 18; // parses without overflow; far beyond any tolerance
    private static final String HMAC = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The three headers of one delivery; the same id and a new timestamp and signature on every retry. */
    public record Headers(String id, long timestamp, String signature) {
        public Headers {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(signature, "signature");
        }

        /** The {@code webhook-timestamp} header value: unix seconds. */
        public String timestampValue() {
            return Long.toString(timestamp);
        }
    }

    /** What a receiver concludes from one delivery. */
    public enum Verification {
        /** A signature matches and the timestamp is within tolerance. */
        VALID,
        /** A header is missing or empty. */
        MISSING_HEADER,
        /** {@code webhook-timestamp} is not unix seconds (digits only). */
        MALFORMED_TIMESTAMP,
        /** The timestamp is more than the tolerance in the past: a replay, or a very late retry. */
        TIMESTAMP_TOO_OLD,
        /** The timestamp is more than the tolerance in the future. */
        TIMESTAMP_TOO_NEW,
        /** No {@code v1} signature of the header matches. */
        NO_MATCHING_SIGNATURE;

        public boolean valid() {
            return this == VALID;
        }
    }

    /** Whether {@code id} is a message id Orgbridge may send: 1 to 128 of {@code [A-Za-z0-9_-]}. */
    public static boolean isValidMessageId(String id) {
        return id != null && MESSAGE_ID.matcher(id).matches();
    }

    /** The headers for a delivery at {@code sentAt}, signed with one secret. */
    public static Headers sign(WebhookSecret secret, String messageId, Instant sentAt, byte[] body) {
        return sign(List.of(secret), messageId, sentAt, body);
    }

    /**
     * The headers for a delivery at {@code sentAt} (whole seconds, rounded down), with one signature per secret in the
     * given order: several while a secret is rotated.
     *
     * @throws IllegalArgumentException for no secrets, an invalid message id or a time before 1970
     */
    public static Headers sign(List<WebhookSecret> secrets, String messageId, Instant sentAt, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("no secret to sign with");
        }
        if (!isValidMessageId(messageId)) {
            throw new IllegalArgumentException("a webhook message id is 1 to 128 of A-Z a-z 0-9 _ -");
        }
        long timestamp = sentAt.getEpochSecond();
        if (timestamp < 0) {
            throw new IllegalArgumentException("a webhook timestamp is not before 1970");
        }
        List<String> signatures = new ArrayList<>(secrets.size());
        for (WebhookSecret secret : secrets) {
            signatures.add(VERSION + "," + Base64.getEncoder().encodeToString(
                    mac(secret, messageId, Long.toString(timestamp), body)));
        }
        return new Headers(messageId, timestamp, String.join(" ", signatures));
    }

    /** {@link #verify(WebhookSecret, String, String, String, byte[], Instant, Duration)} with a five-minute tolerance. */
    public static Verification verify(WebhookSecret secret, String id, String timestamp, String signature, byte[] body,
            Instant now) {
        return verify(secret, id, timestamp, signature, body, now, DEFAULT_TOLERANCE);
    }

    /**
     * Checks one delivery as a receiver does: the three header values as received (any may be null), the body as the
     * exact bytes received, the receiver's clock. Signatures other than {@code v1} are skipped; MACs are compared in
     * constant time. Deduplication on the id is the receiver's own business.
     */
    public static Verification verify(WebhookSecret secret, String id, String timestamp, String signature, byte[] body,
            Instant now, Duration tolerance) {
        if (isBlank(id) || isBlank(timestamp) || isBlank(signature)) {
            return Verification.MISSING_HEADER;
        }
        String stamp = timestamp.strip();
        if (stamp.length() > MAX_TIMESTAMP_DIGITS || !stamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Verification.MALFORMED_TIMESTAMP;
        }
        long seconds = Long.parseLong(stamp);
        long skew = seconds - now.getEpochSecond();
        if (-skew > tolerance.toSeconds()) {
            return Verification.TIMESTAMP_TOO_OLD;
        }
        if (skew > tolerance.toSeconds()) {
            return Verification.TIMESTAMP_TOO_NEW;
        }
        byte[] expected = mac(secret, id, stamp, body);
        for (String candidate : signature.strip().split(" +")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals(VERSION)) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return Verification.VALID;
            }
        }
        return Verification.NO_MATCHING_SIGNATURE;
    }

    /** HMAC-SHA256 of {@code id.timestamp.} (UTF-8) followed by the body bytes. */
    private static byte[] mac(WebhookSecret secret, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.key(), HMAC));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e); // every Java runtime has it
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
