package dev.orgbridge.core.provisioning.scim;

import dev.orgbridge.core.provisioning.JsonWriter;
import java.util.List;
import java.util.function.Consumer;

/**
 * A PATCH request body (RFC 7644 §3.5.2): {@code {"schemas":["…:PatchOp"],"Operations":[…]}}. Every operation names
 * its path, so a server applies exactly what is meant and nothing it does not know is touched. Operation names are
 * written in lower case, as the RFC does (servers must accept any case).
 */
public final class ScimPatch {

    private final JsonWriter json = new JsonWriter();

    private ScimPatch() {
        json.beginObject()
                .name("schemas").beginArray().value(ScimSchemas.PATCH_OP).endArray()
                .name("Operations").beginArray();
    }

    /** A user's {@code active} set to false: how a user is deactivated. */
    public static String deactivate() {
        return operations().replace("active", json -> json.value(false)).toJson();
    }

    /** A member added to a group: {@code add} to {@code members}. */
    public static String addMember(String memberId) {
        return operations().add("members", json -> json.beginArray().beginObject()
                .name("value").value(memberId).endObject().endArray()).toJson();
    }

    /** A member removed from a group: {@code remove} at {@code members[value eq "…"]}. */
    public static String removeMember(String memberId) {
        return operations().remove(ScimFilter.member(memberId)).toJson();
    }

    /**
     * A group's members set to exactly these ({@code replace} of {@code members}); none: {@code remove} of
     * {@code members}, as an empty replace is read differently by servers.
     */
    public static String setMembers(List<String> memberIds) {
        if (memberIds.isEmpty()) {
            return operations().remove("members").toJson();
        }
        return operations().replace("members", json -> {
            json.beginArray();
            memberIds.forEach(id -> json.beginObject().name("value").value(id).endObject());
            json.endArray();
        }).toJson();
    }

    static ScimPatch operations() {
        return new ScimPatch();
    }

    /** {@code replace} at {@code path} with the value the writer writes. */
    ScimPatch replace(String path, Consumer<JsonWriter> value) {
        return operation("replace", path, value);
    }

    /** {@code replace} at {@code path} with a string, or {@code remove} there when the value is null. */
    ScimPatch set(String path, String value) {
        return value == null ? remove(path) : replace(path, json -> json.value(value));
    }

    ScimPatch add(String path, Consumer<JsonWriter> value) {
        return operation("add", path, value);
    }

    ScimPatch remove(String path) {
        json.beginObject().name("op").value("remove").name("path").value(path).endObject();
        return this;
    }

    String toJson() {
        return json.endArray().endObject().toJson();
    }

    private ScimPatch operation(String op, String path, Consumer<JsonWriter> value) {
        json.beginObject().name("op").value(op).name("path").value(path).name("value");
        value.accept(json);
        json.endObject();
        return this;
    }
}
