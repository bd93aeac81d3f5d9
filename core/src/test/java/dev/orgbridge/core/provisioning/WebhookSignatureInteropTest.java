package dev.orgbridge.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Receivers verify Orgbridge's webhooks with the Standard Webhooks reference library (com.standardwebhooks, written by
 * others), and Orgbridge verifies what that library signs: the two agree on the scheme, not just on a test vector.
 */
class WebhookSignatureInteropTest {

    private static final WebhookSecret SECRET = WebhookSecret.generate(new Random(42));
    private static final String BODY = "{\"id\":\"msg_1\",\"type\":\"user.created\",\"data\":{\"user\":{\"name\":\"Jörg\"}}}";

    @Test
    void theReferenceLibraryVerifiesOrgbridgesSignature() throws Exception {
        WebhookSignature.Headers headers = WebhookSignature.sign(SECRET, "msg_1", Instant.now(),
                BODY.getBytes(StandardCharsets.UTF_8));

        new Webhook(SECRET.encoded()).verify(BODY, Map.of(
                "webhook-id", List.of(headers.id()),
                "webhook-timestamp", List.of(headers.timestampValue()),
                "webhook-signature", List.of(headers.signature())));
    }

    @Test
    void theReferenceLibraryRefusesATamperedBody() {
        WebhookSignature.Headers headers = WebhookSignature.sign(SECRET, "msg_1", Instant.now(),
                BODY.getBytes(StandardCharsets.UTF_8));

        assertThrows(WebhookVerificationException.class, () -> new Webhook(SECRET.encoded()).verify(
                BODY.replace("Jörg", "Joerg"), Map.of(
                        "webhook-id", List.of(headers.id()),
                        "webhook-timestamp", List.of(headers.timestampValue()),
                        "webhook-signature", List.of(headers.signature()))));
    }

    @Test
    void orgbridgeVerifiesWhatTheReferenceLibrarySigns() throws Exception {
        long now = Instant.now().getEpochSecond();
        String signature = new Webhook(SECRET.encoded()).sign("msg_2", now, BODY);

        assertEquals(WebhookSignature.Verification.VALID, WebhookSignature.verify(SECRET, "msg_2",
                Long.toString(now), signature, BODY.getBytes(StandardCharsets.UTF_8), Instant.now()));
    }
}
