package dev.orgbridge.core.provisioning;

/**
 * A user as sent downstream, read at send time. {@code email}, {@code firstName} and {@code lastName} are null when
 * the user has none. {@link #toString()} shows the id only: no personal data in logs.
 */
public record UserData(String id, String username, String email, String firstName, String lastName,
        boolean enabled, boolean emailVerified) {

    public UserData {
        Required.text(id, "id");
        Required.text(username, "username");
    }

    /** The reference to this user that membership and deletion events carry. */
    public UserRef ref() {
        return new UserRef(id, username);
    }

    void write(JsonWriter json) {
        json.beginObject()
                .name("id").value(id)
                .name("username").value(username)
                .name("email").value(email)
                .name("firstName").value(firstName)
                .name("lastName").value(lastName)
                .name("enabled").value(enabled)
                .name("emailVerified").value(emailVerified)
                .endObject();
    }

    @Override
    public String toString() {
        return "UserData[id=" + id + "]";
    }
}
