package dev.orgbridge.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.provisioning.InvalidWebhookSecretException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookSecretTest {

    private static final String KEY_32 = "orgbridge-test-vector-secret-32b";

    private static String whsec(int bytes) {
        return "whsec_" + Base64.getEncoder().encodeToString(new byte[bytes]);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments(null, Reason.EMPTY),
                arguments("", Reason.EMPTY),
                arguments("  \n", Reason.EMPTY),
                arguments(Base64.getEncoder().encodeToString(new byte[32]), Reason.MISSING_PREFIX),
                arguments("WHSEC_" + Base64.getEncoder().encodeToString(new byte[32]), Reason.MISSING_PREFIX),
                arguments("whsec_", Reason.NOT_BASE64),
                arguments("whsec_not base64 at all", Reason.NOT_BASE64),
                arguments("whsec_" + Base64.getUrlEncoder().encodeToString(new byte[] {-5, -1, -2, 0}).repeat(8),
                        Reason.NOT_BASE64), // URL-safe alphabet (- and _)
                arguments("whsec_AAAAA", Reason.NOT_BASE64), // a length no base64 has
                arguments("whsec_AA=A", Reason.NOT_BASE64),  // padding inside
                arguments(whsec(16), Reason.TOO_SHORT),
                arguments(whsec(23), Reason.TOO_SHORT),
                arguments(whsec(65), Reason.TOO_LONG));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("malformed")
    void refusesMalformedSecretsWithAReasonAndWithoutRepeatingThem(String text, Reason reason) {
        InvalidWebhookSecretException e = assertThrows(InvalidWebhookSecretException.class,
                () -> WebhookSecret.parse(text));
        assertEquals(reason, e.reason());
        assertTrue(e.getMessage().startsWith("the webhook secret "), e.getMessage());
        if (text != null && text.length() > 12) {
            assertFalse(e.getMessage().contains(text.substring(6)), "the message repeats the secret");
        }
    }

    static Stream<Arguments> wellFormed() {
        String padded = "whsec_" + Base64.getEncoder().encodeToString(KEY_32.getBytes(StandardCharsets.US_ASCII));
        return Stream.of(
                arguments(padded, 32),
                arguments(padded.replace("=", ""), 32),  // padding is optional
                arguments("  " + padded + "\n", 32),      // pasted with whitespace
                arguments(whsec(24), 24),
                arguments(whsec(64), 64),
                arguments("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", 24)); // the Standard Webhooks example secret
    }

    @ParameterizedTest(name = "{0} → {1} key bytes")
    @MethodSource("wellFormed")
    void readsTheKeyAsTheDecodedBase64(String text, int keyBytes) {
        assertEquals(keyBytes, WebhookSecret.parse(text).key().length);
    }

    @Test
    void theKeyIsTheDecodedBytesAndTheEncodedFormReadsBack() {
        WebhookSecret secret = WebhookSecret.parse("whsec_b3JnYnJpZGdlLXRlc3QtdmVjdG9yLXNlY3JldC0zMmI=");
        assertArrayEquals(KEY_32.getBytes(StandardCharsets.US_ASCII), secret.key());
        assertEquals("whsec_b3JnYnJpZGdlLXRlc3QtdmVjdG9yLXNlY3JldC0zMmI=", secret.encoded());
        assertEquals(secret, WebhookSecret.parse(secret.encoded()));
    }

    @Test
    void neverShowsTheKeyAsText() {
        WebhookSecret secret = WebhookSecret.parse("whsec_b3JnYnJpZGdlLXRlc3QtdmVjdG9yLXNlY3JldC0zMmI=");
        assertEquals("whsec_…(32 bytes)", secret.toString());
    }

    @Test
    void generatesThirtyTwoRandomBytesThatReadBack() {
        WebhookSecret secret = WebhookSecret.generate(new Random(7));
        assertEquals(32, secret.key().length);
        assertEquals(secret, WebhookSecret.parse(secret.encoded()));
        assertFalse(secret.equals(WebhookSecret.generate(new Random(8))));
    }

    @Test
    void theKeyCannotBeChangedFromOutside() {
        byte[] key = new byte[32];
        WebhookSecret secret = WebhookSecret.of(key);
        key[0] = 1;
        secret.key()[1] = 1;
        assertArrayEquals(new byte[32], secret.key());
    }
}
