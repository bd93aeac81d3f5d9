package dev.orgbridge.delivery.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.core.provisioning.WebhookSignature;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void aRetryOfTheSameChangesCarriesTheSameId() {
        assertEquals(MessageIds.of(List.of("d1", "d2")), MessageIds.of(List.of("d1", "d2")));
    }

    @Test
    void aCallCoveringAnotherChangeGetsAnotherId() {
        assertNotEquals(MessageIds.of(List.of("d1")), MessageIds.of(List.of("d1", "d2")));
        assertNotEquals(MessageIds.of(List.of("d1", "d2")), MessageIds.of(List.of("d1d2")));
    }

    @Test
    void idsAreValidWebhookIds() {
        String id = MessageIds.of(List.of("8c3e2a4f-6b1d-4e7a-9c2b-5d8f1a3e6b90"));

        assertTrue(id.startsWith("msg_") && id.length() == 36, id);
        assertTrue(WebhookSignature.isValidMessageId(id), id);
    }
}
