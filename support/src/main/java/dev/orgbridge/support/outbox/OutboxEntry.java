package dev.orgbridge.support.outbox;

import dev.orgbridge.core.provisioning.EventType;

/**
 * A change waiting for delivery.
 *
 * @param id        null until written
 * @param subjectId the user or organization the change is about
 * @param relatedId the organization or group a membership change is about; null otherwise
 * @param source    how Keycloak reported it: {@code login}, {@code admin}, {@code model}
 * @param createdAt epoch milliseconds; 0 until written
 */
public record OutboxEntry(String id, EventType type, String subjectId, String relatedId, String source,
                          long createdAt) {

    public static OutboxEntry of(EventType type, String subjectId, String relatedId, String source) {
        return new OutboxEntry(null, type, subjectId, relatedId, source, 0);
    }
}
