package dev.orgbridge.core.provisioning;

/** A Keycloak organization as sent downstream: id, alias (unique in the realm, stable) and display name. */
public record OrganizationData(String id, String alias, String name) {

    public OrganizationData {
        Required.text(id, "id");
        Required.text(alias, "alias");
        Required.text(name, "name");
    }

    void write(JsonWriter json) {
        json.beginObject().name("id").value(id).name("alias").value(alias).name("name").value(name).endObject();
    }
}
