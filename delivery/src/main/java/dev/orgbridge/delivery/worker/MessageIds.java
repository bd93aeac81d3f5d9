package dev.orgbridge.delivery.worker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The id of a call (a webhook's {@code webhook-id}): derived from the deliveries it settles, so a retry of the same
 * changes carries the same id (receivers dedupe on it), and a call that also covers a newer change gets a new one.
 */
final class MessageIds {

    private MessageIds() {
    }

    static String of(List<String> deliveryIds) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String id : deliveryIds) {
                sha.update(id.getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ',');
            }
            return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
