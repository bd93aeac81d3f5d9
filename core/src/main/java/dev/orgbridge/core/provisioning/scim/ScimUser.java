package dev.orgbridge.core.provisioning.scim;

import dev.orgbridge.core.provisioning.JsonWriter;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One Keycloak user as a SCIM User resource, made by {@link ScimUserMapping#map}: the full resource for a create or a
 * replace ({@link #resource()}), and the PATCH that brings an existing resource to the same state ({@link #patch()}).
 * {@link #toString()} shows the external id only: no personal data in logs.
 */
public final class ScimUser {

    private final String externalId;
    private final String userName;
    private final String displayName;
    private final String givenName;
    private final String familyName;
    private final String email;
    private final boolean active;
    /** Every mapped attribute, with the user's value or empty (then a PATCH removes it downstream). */
    private final Map<ScimAttribute, Optional<String>> attributes;

    ScimUser(String externalId, String userName, String displayName, String givenName, String familyName,
            String email, boolean active, Map<ScimAttribute, Optional<String>> attributes) {
        this.externalId = externalId;
        this.userName = userName;
        this.displayName = displayName;
        this.givenName = givenName;
        this.familyName = familyName;
        this.email = email;
        this.active = active;
        Map<ScimAttribute, Optional<String>> copy = new EnumMap<>(ScimAttribute.class);
        copy.putAll(attributes);
        this.attributes = Collections.unmodifiableMap(copy);
    }

    /** The Keycloak user id: how Orgbridge finds the resource again. */
    public String externalId() {
        return externalId;
    }

    public String userName() {
        return userName;
    }

    /**
     * The resource for {@code POST /Users} and {@code PUT /Users/{id}}: what the user has, nothing for what it has
     * not (a PUT then clears it). The enterprise extension is named in {@code schemas} only when it has values.
     */
    public String resource() {
        boolean enterprise = attributes.entrySet().stream()
                .anyMatch(entry -> entry.getKey().enterprise() && entry.getValue().isPresent());
        JsonWriter json = new JsonWriter().beginObject().name("schemas").beginArray().value(ScimSchemas.USER);
        if (enterprise) {
            json.value(ScimSchemas.ENTERPRISE_USER);
        }
        json.endArray()
                .name("externalId").value(externalId)
                .name("userName").value(userName);
        if (givenName != null || familyName != null) {
            json.name("name").beginObject();
            if (givenName != null) {
                json.name("givenName").value(givenName);
            }
            if (familyName != null) {
                json.name("familyName").value(familyName);
            }
            json.endObject();
        }
        json.name("displayName").value(displayName);
        if (email != null) {
            json.name("emails");
            writeEmails(json);
        }
        json.name("active").value(active);
        attributes.forEach((attribute, value) -> {
            if (!attribute.enterprise() && value.isPresent()) {
                json.name(attribute.attributeName()).value(value.get());
            }
        });
        if (enterprise) {
            json.name(ScimSchemas.ENTERPRISE_USER).beginObject();
            attributes.forEach((attribute, value) -> {
                if (attribute.enterprise() && value.isPresent()) {
                    json.name(attribute.attributeName()).value(value.get());
                }
            });
            json.endObject();
        }
        return json.endObject().toJson();
    }

    /**
     * The PATCH for {@code /Users/{id}}: {@code replace} for every field the user has, {@code remove} for every
     * optional field it has not (a value cleared in Keycloak is cleared downstream). Attributes outside the mapping
     * are left alone.
     */
    public String patch() {
        ScimPatch patch = ScimPatch.operations()
                .set("externalId", externalId)
                .set("userName", userName)
                .set("name.givenName", givenName)
                .set("name.familyName", familyName)
                .set("displayName", displayName);
        if (email == null) {
            patch.remove("emails");
        } else {
            patch.replace("emails", this::writeEmails);
        }
        patch.replace("active", json -> json.value(active));
        attributes.forEach((attribute, value) -> patch.set(attribute.path(), value.orElse(null)));
        return patch.toJson();
    }

    /** The one address Keycloak knows, as the primary work address. */
    private void writeEmails(JsonWriter json) {
        json.beginArray().beginObject()
                .name("value").value(email)
                .name("type").value("work")
                .name("primary").value(true)
                .endObject().endArray();
    }

    @Override
    public String toString() {
        return "ScimUser[externalId=" + externalId + "]";
    }
}
