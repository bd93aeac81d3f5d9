package dev.orgbridge.core.provisioning;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One webhook message: the envelope
 * {@code {"id":…,"type":…,"version":1,"timestamp":…,"realm":…,"data":{…}}}.
 *
 * @param id        the message id, also the {@code webhook-id} header; the same on every retry, so receivers dedupe
 *                  on it ({@link WebhookSignature#isValidMessageId})
 * @param timestamp when the (last coalesced) change happened, written as RFC 3339 UTC in milliseconds at most
 * @param realm     the realm's name
 */
public record ProvisioningEvent(String id, EventType type, Instant timestamp, String realm, EventData data) {

    /** The {@code version} of the payload schema: raised on any change a receiver could trip over. */
    public static final int SCHEMA_VERSION = 1;

    public ProvisioningEvent {
        if (!WebhookSignature.isValidMessageId(id)) {
            throw new IllegalArgumentException("an event id is 1 to 128 of A-Z a-z 0-9 _ -");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        Required.text(realm, "realm");
        Objects.requireNonNull(data, "data");
        if (!type.dataType().isInstance(data)) {
            throw new IllegalArgumentException(type + " carries " + type.dataType().getSimpleName() + ", not "
                    + data.getClass().getSimpleName());
        }
        timestamp = timestamp.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The envelope as compact JSON. */
    public String toJson() {
        JsonWriter json = new JsonWriter().beginObject()
                .name("id").value(id)
                .name("type").value(type.wireName())
                .name("version").value(SCHEMA_VERSION)
                .name("timestamp").value(timestamp.toString())
                .name("realm").value(realm)
                .name("data");
        data.write(json);
        return json.endObject().toJson();
    }

    /** The envelope as UTF-8: the exact bytes to sign and to send. */
    public byte[] body() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    /** Type, id and realm only: never the payload. */
    @Override
    public String toString() {
        return type + " " + id + " (realm " + realm + ")";
    }
}
