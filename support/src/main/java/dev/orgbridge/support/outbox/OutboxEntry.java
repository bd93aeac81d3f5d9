package dev.orgbridge.support.outbox;

import dev.orgbridge.core.provisioning.EventType;

/**
 * A change waiting for delivery.
 *
 * @param id        null until written
 * @param subjectId the user or organization the change is about (a group for a re-sync's group call)
 * @param relatedId the organization or group a membership change is about; null otherwise
 * @param source    how Keycloak reported it: {@code login}, {@code admin}, {@code model}
 * @param lastKnown what a deletion still knew of its subject; {@link LastKnown#NOTHING} for other changes
 * @param sequence  orders the changes of one subject; 0 until written
 * @param createdAt epoch milliseconds; 0 until written
 */
public record OutboxEntry(String id, EventType type, String subjectId, String relatedId, String source,
                          LastKnown lastKnown, long sequence, long createdAt) {

    /**
     * What is still known of a subject as it is deleted, for the deletion's payload: a user's username, an
     * organization's alias and name.
     */
    public record LastKnown(String name, String label) {
        public static final LastKnown NOTHING = new LastKnown(null, null);
    }

    public static OutboxEntry of(EventType type, String subjectId, String relatedId, String source) {
        return new OutboxEntry(null, type, subjectId, relatedId, source, LastKnown.NOTHING, 0, 0);
    }

    /** A deletion, with what is still known of its subject. */
    public static OutboxEntry deletion(EventType type, String subjectId, String source, LastKnown lastKnown) {
        return new OutboxEntry(null, type, subjectId, null, source, lastKnown, 0, 0);
    }
}
