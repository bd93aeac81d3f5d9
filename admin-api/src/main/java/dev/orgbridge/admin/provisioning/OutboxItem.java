package dev.orgbridge.admin.provisioning;

import dev.orgbridge.support.outbox.OutboxEntry;

/** One entry of {@code GET /admin/realms/{realm}/orgbridge/provisioning/outbox}. */
public record OutboxItem(String id, String type, String subjectId, String relatedId, String source, long createdAt) {

    static OutboxItem of(OutboxEntry entry) {
        return new OutboxItem(entry.id(), entry.type().wireName(), entry.subjectId(), entry.relatedId(),
                entry.source(), entry.createdAt());
    }
}
