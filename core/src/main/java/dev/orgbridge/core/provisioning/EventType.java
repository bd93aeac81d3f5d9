package dev.orgbridge.core.provisioning;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed, by its wire name ({@code user.created}), stable across versions: receivers switch on it. The shape of
 * {@code data} for each type is the {@link EventData} record it names.
 */
public enum EventType {
    USER_CREATED("user.created", SubjectKind.USER, Change.CREATED, EventData.UserState.class),
    USER_UPDATED("user.updated", SubjectKind.USER, Change.UPDATED, EventData.UserState.class),
    USER_DISABLED("user.disabled", SubjectKind.USER, Change.TOGGLED, EventData.UserState.class),
    USER_ENABLED("user.enabled", SubjectKind.USER, Change.TOGGLED, EventData.UserState.class),
    USER_DELETED("user.deleted", SubjectKind.USER, Change.DELETED, EventData.UserDeleted.class),
    ORGANIZATION_CREATED("organization.created", SubjectKind.ORGANIZATION, Change.CREATED,
            EventData.OrganizationState.class),
    ORGANIZATION_UPDATED("organization.updated", SubjectKind.ORGANIZATION, Change.UPDATED,
            EventData.OrganizationState.class),
    ORGANIZATION_DELETED("organization.deleted", SubjectKind.ORGANIZATION, Change.DELETED,
            EventData.OrganizationState.class),
    ORGANIZATION_MEMBER_ADDED("organization.member.added", SubjectKind.USER, Change.MEMBER_ADDED,
            EventData.OrganizationMembership.class),
    ORGANIZATION_MEMBER_REMOVED("organization.member.removed", SubjectKind.USER, Change.MEMBER_REMOVED,
            EventData.OrganizationMembership.class),
    GROUP_MEMBER_ADDED("group.member.added", SubjectKind.USER, Change.MEMBER_ADDED, EventData.GroupMembership.class),
    GROUP_MEMBER_REMOVED("group.member.removed", SubjectKind.USER, Change.MEMBER_REMOVED,
            EventData.GroupMembership.class),
    /**
     * A group and its members as they are now, queued by a re-sync for a SCIM target that pushes groups; Orgbridge's
     * own call, never a webhook event ({@link #isWebhookEvent()}).
     */
    GROUP_SYNCED("group.synced", SubjectKind.GROUP, Change.UPDATED, EventData.GroupState.class),
    /**
     * A realm group deleted in Keycloak, for a SCIM target that pushes groups to delete it too; Orgbridge's own call,
     * never a webhook event ({@link #isWebhookEvent()}).
     */
    GROUP_DELETED("group.deleted", SubjectKind.GROUP, Change.DELETED, EventData.GroupState.class);

    /** What a type does to its subject, for {@link Coalescing}. */
    public enum Change {
        CREATED,
        UPDATED,
        /** Enabled or disabled: an update of one field. */
        TOGGLED,
        DELETED,
        MEMBER_ADDED,
        MEMBER_REMOVED
    }

    private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;
    private final SubjectKind subject;
    private final Change change;
    private final Class<? extends EventData> dataType;

    EventType(String wireName, SubjectKind subject, Change change, Class<? extends EventData> dataType) {
        this.wireName = wireName;
        this.subject = subject;
        this.change = change;
        this.dataType = dataType;
    }

    /** The type by its wire name, exactly as written ({@code user.created}). */
    public static Optional<EventType> fromWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    /** The {@code type} of the envelope, e.g. {@code organization.member.added}. */
    public String wireName() {
        return wireName;
    }

    /** Whose queue an event of this type joins. */
    public SubjectKind subject() {
        return subject;
    }

    public Change change() {
        return change;
    }

    /** The record {@code data} must be. */
    public Class<? extends EventData> dataType() {
        return dataType;
    }

    /**
     * Whether webhook targets may be sent this type (and take it in their event filter): every type but the calls of
     * a group's own queue.
     */
    public boolean isWebhookEvent() {
        return subject != SubjectKind.GROUP;
    }

    /** Whether this type adds or removes a membership (organization or group). */
    public boolean isMembership() {
        return change == Change.MEMBER_ADDED || change == Change.MEMBER_REMOVED;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
