package dev.orgbridge.delivery.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** Reading the JSON answers of SCIM servers and token endpoints, with the Jackson Keycloak ships. */
final class ScimJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ScimJson() {
    }

    /** The document, or a missing node when the body is empty or not JSON (answers are read, never trusted). */
    static JsonNode read(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode tree = MAPPER.readTree(body);
            return tree == null ? MissingNode.getInstance() : tree;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** A member by name; SCIM attribute names ignore case (RFC 7643 §2.1). Missing when not there. */
    static JsonNode member(JsonNode node, String name) {
        JsonNode exact = node.get(name);
        if (exact != null || !node.isObject()) {
            return exact == null ? MissingNode.getInstance() : exact;
        }
        return node.properties().stream()
                .filter(property -> property.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(MissingNode.getInstance());
    }

    /** A member's text, when it is a non-empty string. */
    static Optional<String> text(JsonNode node, String name) {
        JsonNode value = member(node, name);
        return value.isTextual() && !value.textValue().isEmpty() ? Optional.of(value.textValue()) : Optional.empty();
    }
}
