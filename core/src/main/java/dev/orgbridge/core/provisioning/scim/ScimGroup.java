package dev.orgbridge.core.provisioning.scim;

import dev.orgbridge.core.provisioning.JsonWriter;
import dev.orgbridge.core.provisioning.Required;

/**
 * A Keycloak group as a SCIM Group resource. Members are not part of it: they are added and removed one by one
 * ({@link ScimPatch#addMember}, {@link ScimPatch#removeMember}), so writing the group never drops a member.
 *
 * @param externalId  the Keycloak group id: how Orgbridge finds the resource again
 * @param displayName what the downstream system shows
 */
public record ScimGroup(String externalId, String displayName) {

    public ScimGroup {
        Required.text(externalId, "externalId");
        Required.text(displayName, "displayName");
    }

    /** The resource for {@code POST /Groups}, without members. */
    public String resource() {
        return new JsonWriter().beginObject()
                .name("schemas").beginArray().value(ScimSchemas.GROUP).endArray()
                .name("externalId").value(externalId)
                .name("displayName").value(displayName)
                .endObject().toJson();
    }

    /** The PATCH for {@code /Groups/{id}}: display name and external id replaced, members untouched. */
    public String patch() {
        return ScimPatch.operations().set("externalId", externalId).set("displayName", displayName).toJson();
    }
}
