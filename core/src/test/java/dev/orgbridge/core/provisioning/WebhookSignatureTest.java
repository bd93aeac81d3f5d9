package dev.orgbridge.core.provisioning;

import static dev.orgbridge.core.provisioning.WebhookSignature.Verification.MALFORMED_TIMESTAMP;
import static dev.orgbridge.core.provisioning.WebhookSignature.Verification.MISSING_HEADER;
import static dev.orgbridge.core.provisioning.WebhookSignature.Verification.NO_MATCHING_SIGNATURE;
import static dev.orgbridge.core.provisioning.WebhookSignature.Verification.TIMESTAMP_TOO_NEW;
import static dev.orgbridge.core.provisioning.WebhookSignature.Verification.TIMESTAMP_TOO_OLD;
import static dev.orgbridge.core.provisioning.WebhookSignature.Verification.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.provisioning.WebhookSignature.Headers;
import dev.orgbridge.core.provisioning.WebhookSignature.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookSignatureTest {

    /** Orgbridge's test vector, also printed in docs/provisioning.md. */
    static final String VECTOR_SECRET = "whsec_b3JnYnJpZGdlLXRlc3QtdmVjdG9yLXNlY3JldC0zMmI=";
    static final String VECTOR_ID = "msg_2Zx8kQv3NfT7yLw1aB9cD4eF";
    static final long VECTOR_TIMESTAMP = 1767225600L; // 2026-01-01T00:00:00Z
    static final String VECTOR_BODY = "{\"id\":\"msg_2Zx8kQv3NfT7yLw1aB9cD4eF\",\"type\":\"user.created\",\"version\":1,"
            + "\"timestamp\":\"2026-01-01T00:00:00Z\",\"realm\":\"app\",\"data\":{\"user\":{"
            + "\"id\":\"8c3e2a4f-6b1d-4e7a-9c2b-5d8f1a3e6b90\",\"username\":\"jmuller\",\"email\":\"jmuller@acme.com\","
            + "\"firstName\":\"Jörg\",\"lastName\":\"Müller\",\"enabled\":true,\"emailVerified\":true}}}";
    static final String VECTOR_SIGNATURE = "v1,YQU5aQlqWokq3sh5T/WvCEFY6xdOLV8L0XEEivVLtwA=";

    private static final WebhookSecret SECRET = WebhookSecret.parse(VECTOR_SECRET);
    private static final WebhookSecret OTHER = WebhookSecret.of(new byte[32]);
    private static final byte[] BODY = VECTOR_BODY.getBytes(StandardCharsets.UTF_8);
    private static final Instant SENT = Instant.ofEpochSecond(VECTOR_TIMESTAMP);

    @Test
    void signsTheTestVector() {
        Headers headers = WebhookSignature.sign(SECRET, VECTOR_ID, SENT, BODY);
        assertEquals(new Headers(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE), headers);
        assertEquals("1767225600", headers.timestampValue());
    }

    /** The vector computed a second way: one string, decoded with the MIME decoder, Mac fed in a single call. */
    @Test
    void theTestVectorMatchesAnIndependentComputation() throws Exception {
        String signed = VECTOR_ID + '.' + VECTOR_TIMESTAMP + '.' + VECTOR_BODY;
        byte[] key = Base64.getMimeDecoder().decode(VECTOR_SECRET.split("_", 2)[1]);
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = "v1," + new String(Base64.getEncoder().encode(
                hmac.doFinal(signed.getBytes(StandardCharsets.UTF_8))), StandardCharsets.US_ASCII);
        assertEquals(expected, VECTOR_SIGNATURE);
    }

    /** The example of the Standard Webhooks specification: interoperability with every other implementation. */
    @Test
    void agreesWithTheStandardWebhooksExample() {
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
        Headers headers = WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek",
                Instant.ofEpochSecond(1614265330L), body);
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", headers.signature());
    }

    @Test
    void signsOncePerSecretWhileASecretIsRotated() {
        Headers headers = WebhookSignature.sign(List.of(OTHER, SECRET), VECTOR_ID, SENT.plusMillis(999), BODY);
        String first = WebhookSignature.sign(OTHER, VECTOR_ID, SENT, BODY).signature();
        assertEquals(first + " " + VECTOR_SIGNATURE, headers.signature());
        assertEquals(VECTOR_TIMESTAMP, headers.timestamp(), "whole seconds, rounded down");
    }

    static Stream<Arguments> unsignable() {
        return Stream.of(
                arguments("", "message id"),
                arguments("msg.1", "message id"),     // a dot would make id.timestamp.body ambiguous
                arguments("msg 1", "message id"),
                arguments("m".repeat(129), "message id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsignable")
    void refusesMessageIdsThatCouldBlurTheSignedText(String id, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebhookSignature.sign(SECRET, id, SENT, BODY));
        assertEquals(true, e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void refusesToSignWithoutSecretOrBefore1970() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.sign(List.of(), VECTOR_ID, SENT, BODY));
        assertThrows(IllegalArgumentException.class,
                () -> WebhookSignature.sign(SECRET, VECTOR_ID, Instant.ofEpochSecond(-1), BODY));
    }

    static Stream<Arguments> receptions() {
        String ts = Long.toString(VECTOR_TIMESTAMP);
        String good = VECTOR_SIGNATURE;
        String wrong = "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        return Stream.of(
                arguments("as sent", VECTOR_ID, ts, good, VECTOR_BODY, 0, VALID),
                arguments("one of several", VECTOR_ID, ts, wrong + " " + good, VECTOR_BODY, 0, VALID),
                arguments("extra spaces between", VECTOR_ID, ts, " " + wrong + "   " + good + " ", VECTOR_BODY, 0,
                        VALID),
                arguments("an asymmetric v1a signature is skipped", VECTOR_ID, ts,
                        "v1a,bm90IGEgc2lnbmF0dXJl " + good, VECTOR_BODY, 0, VALID),
                arguments("5 minutes late", VECTOR_ID, ts, good, VECTOR_BODY, 300, VALID),
                arguments("5 minutes early", VECTOR_ID, ts, good, VECTOR_BODY, -300, VALID),
                arguments("5 minutes 1 second late", VECTOR_ID, ts, good, VECTOR_BODY, 301, TIMESTAMP_TOO_OLD),
                arguments("5 minutes 1 second early", VECTOR_ID, ts, good, VECTOR_BODY, -301, TIMESTAMP_TOO_NEW),
                arguments("wrong signature", VECTOR_ID, ts, wrong, VECTOR_BODY, 0, NO_MATCHING_SIGNATURE),
                arguments("signature not base64", VECTOR_ID, ts, "v1,***", VECTOR_BODY, 0, NO_MATCHING_SIGNATURE),
                arguments("signature without version", VECTOR_ID, ts, good.substring(3), VECTOR_BODY, 0,
                        NO_MATCHING_SIGNATURE),
                arguments("signature of another version", VECTOR_ID, ts, "v2" + good.substring(2), VECTOR_BODY, 0,
                        NO_MATCHING_SIGNATURE),
                arguments("body changed", VECTOR_ID, ts, good, VECTOR_BODY.replace("true", "false"), 0,
                        NO_MATCHING_SIGNATURE),
                arguments("body re-serialised with spaces", VECTOR_ID, ts, good, VECTOR_BODY.replace(",", ", "), 0,
                        NO_MATCHING_SIGNATURE),
                arguments("id changed", "msg_other", ts, good, VECTOR_BODY, 0, NO_MATCHING_SIGNATURE),
                arguments("timestamp changed by a second", VECTOR_ID, Long.toString(VECTOR_TIMESTAMP + 1), good,
                        VECTOR_BODY, 0, NO_MATCHING_SIGNATURE),
                arguments("no id", null, ts, good, VECTOR_BODY, 0, MISSING_HEADER),
                arguments("no timestamp", VECTOR_ID, "", good, VECTOR_BODY, 0, MISSING_HEADER),
                arguments("no signature", VECTOR_ID, ts, " ", VECTOR_BODY, 0, MISSING_HEADER),
                arguments("timestamp in milliseconds", VECTOR_ID, ts + "000", good, VECTOR_BODY, 0,
                        TIMESTAMP_TOO_NEW),
                arguments("timestamp as a date", VECTOR_ID, "2026-01-01T00:00:00Z", good, VECTOR_BODY, 0,
                        MALFORMED_TIMESTAMP),
                arguments("negative timestamp", VECTOR_ID, "-" + ts, good, VECTOR_BODY, 0, MALFORMED_TIMESTAMP),
                arguments("timestamp of 40 digits", VECTOR_ID, "9".repeat(40), good, VECTOR_BODY, 0,
                        MALFORMED_TIMESTAMP));
    }

    @ParameterizedTest(name = "{0} → {6}")
    @MethodSource("receptions")
    void aReceiverAcceptsOnlyAMatchingSignatureWithinFiveMinutes(String story, String id, String timestamp,
            String signature, String body, long receivedSecondsLater, Verification expected) {
        Instant now = SENT.plusSeconds(receivedSecondsLater);
        assertEquals(expected, WebhookSignature.verify(SECRET, id, timestamp, signature,
                body.getBytes(StandardCharsets.UTF_8), now));
    }

    @Test
    void aReceiverWithTheOtherSecretOfARotationAcceptsToo() {
        Headers headers = WebhookSignature.sign(List.of(SECRET, OTHER), VECTOR_ID, SENT, BODY);
        assertEquals(VALID, WebhookSignature.verify(OTHER, headers.id(), headers.timestampValue(),
                headers.signature(), BODY, SENT));
        byte[] third = new byte[32];
        third[31] = 1;
        assertEquals(NO_MATCHING_SIGNATURE, WebhookSignature.verify(WebhookSecret.of(third), headers.id(),
                headers.timestampValue(), headers.signature(), BODY, SENT));
    }
}
