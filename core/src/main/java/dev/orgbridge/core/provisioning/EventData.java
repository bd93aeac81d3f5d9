package dev.orgbridge.core.provisioning;

import java.util.Objects;

/**
 * The {@code data} of an event, one record per shape; {@link EventType#dataType()} says which type takes which.
 * Members are written in a fixed order; receivers must ignore members they do not know, as later versions of the
 * same schema version may add some.
 */
public sealed interface EventData {

    /** Writes the {@code data} object. */
    void write(JsonWriter json);

    /**
     * The SHA-256 of the {@code data} JSON, in hex: equal for equal content, so the worker can tell an update that
     * changes nothing a receiver sees since the last delivery.
     */
    default String fingerprint() {
        JsonWriter json = new JsonWriter();
        write(json);
        return Fingerprint.of(json.toJson());
    }

    /** {@code user.created}, {@code user.updated}, {@code user.disabled}, {@code user.enabled}: {@code {"user":{…}}}. */
    record UserState(UserData user) implements EventData {
        public UserState {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public void write(JsonWriter json) {
            json.beginObject().name("user");
            user.write(json);
            json.endObject();
        }
    }

    /** {@code user.deleted}: {@code {"user":{"id":…,"username":…}}}, the user as last known. */
    record UserDeleted(UserRef user) implements EventData {
        public UserDeleted {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public void write(JsonWriter json) {
            json.beginObject().name("user");
            user.write(json);
            json.endObject();
        }
    }

    /** {@code organization.created}, {@code .updated}, {@code .deleted} (as last known): {@code {"organization":{…}}}. */
    record OrganizationState(OrganizationData organization) implements EventData {
        public OrganizationState {
            Objects.requireNonNull(organization, "organization");
        }

        @Override
        public void write(JsonWriter json) {
            json.beginObject().name("organization");
            organization.write(json);
            json.endObject();
        }
    }

    /** {@code organization.member.added}, {@code .removed}: {@code {"organization":{…},"user":{…}}}. */
    record OrganizationMembership(OrganizationData organization, UserRef user) implements EventData {
        public OrganizationMembership {
            Objects.requireNonNull(organization, "organization");
            Objects.requireNonNull(user, "user");
        }

        @Override
        public void write(JsonWriter json) {
            json.beginObject().name("organization");
            organization.write(json);
            json.name("user");
            user.write(json);
            json.endObject();
        }
    }

    /** {@code group.member.added}, {@code .removed}: {@code {"group":{…},"user":{…}}}. */
    record GroupMembership(GroupData group, UserRef user) implements EventData {
        public GroupMembership {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(user, "user");
        }

        @Override
        public void write(JsonWriter json) {
            json.beginObject().name("group");
            group.write(json);
            json.name("user");
            user.write(json);
            json.endObject();
        }
    }

    /** {@code group.synced}: {@code {"group":{…}}} (Orgbridge's own call, never sent as a webhook). */
    record GroupState(GroupData group) implements EventData {
        public GroupState {
            Objects.requireNonNull(group, "group");
        }

        @Override
        public void write(JsonWriter json) {
            json.beginObject().name("group");
            group.write(json);
            json.endObject();
        }
    }
}
