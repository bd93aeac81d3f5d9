package dev.orgbridge.core.provisioning;

/** A group as sent downstream: id and full path ({@code /teams/sales}). */
public record GroupData(String id, String path) {

    public GroupData {
        Required.text(id, "id");
        Required.text(path, "path");
    }

    void write(JsonWriter json) {
        json.beginObject().name("id").value(id).name("path").value(path).endObject();
    }
}
