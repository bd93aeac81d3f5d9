package dev.orgbridge.support.outbox;

import dev.orgbridge.core.provisioning.EventType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One row of table ORGBRIDGE_OUTBOX: a change to deliver downstream, written in the same transaction as the change
 * itself. It names the change, not its content: the sender reads the current state when it sends.
 */
@Entity
@Table(name = "ORGBRIDGE_OUTBOX")
@NamedQuery(name = "orgbridgeOutboxOfRealm", query = "select o from OutboxEntity o where o.realmId = :realmId "
        + "order by o.sequence")
@NamedQuery(name = "orgbridgeOutboxTake", query = "delete from OutboxEntity o where o.id in :ids")
@NamedQuery(name = "orgbridgeOutboxPurge", query = "delete from OutboxEntity o where o.createdAt < :before")
public class OutboxEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "EVENT_TYPE", length = 64, nullable = false)
    private String eventType;

    @Column(name = "SUBJECT_ID", length = 36, nullable = false)
    private String subjectId;

    @Column(name = "RELATED_ID")
    private String relatedId;

    @Column(name = "SOURCE", length = 32, nullable = false)
    private String source;

    @Column(name = "SUBJECT_NAME")
    private String subjectName;

    @Column(name = "SUBJECT_LABEL")
    private String subjectLabel;

    @Column(name = "SEQ", nullable = false)
    private long sequence;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    protected OutboxEntity() {
        // for JPA
    }

    OutboxEntity(String id, String realmId, OutboxEntry entry, long createdAt) {
        this.id = id;
        this.realmId = realmId;
        this.eventType = entry.type().wireName();
        this.subjectId = entry.subjectId();
        this.relatedId = entry.relatedId();
        this.source = entry.source();
        this.subjectName = entry.lastKnown().name();
        this.subjectLabel = entry.lastKnown().label();
        this.sequence = OutboxSequence.next(createdAt);
        this.createdAt = createdAt;
    }

    OutboxEntry toEntry() {
        return new OutboxEntry(id, EventType.fromWireName(eventType).orElseThrow(), subjectId, relatedId, source,
                new OutboxEntry.LastKnown(subjectName, subjectLabel), sequence, createdAt);
    }
}
