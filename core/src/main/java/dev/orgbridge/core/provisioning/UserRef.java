package dev.orgbridge.core.provisioning;

/**
 * A user named by id and username: what a deletion (when the user can no longer be read) and a membership change
 * carry. {@link #toString()} shows the id only.
 */
public record UserRef(String id, String username) {

    public UserRef {
        Required.text(id, "id");
        Required.text(username, "username");
    }

    void write(JsonWriter json) {
        json.beginObject().name("id").value(id).name("username").value(username).endObject();
    }

    @Override
    public String toString() {
        return "UserRef[id=" + id + "]";
    }
}
