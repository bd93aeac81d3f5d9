package dev.orgbridge.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.keycloak.util.JsonSerialization;

/** Orgbridge's admin REST extension, {@code /admin/realms/{realm}/orgbridge/…}, called as an admin tool would. */
public final class OrgbridgeAdminApi {


    private OrgbridgeAdminApi() {
    }

    /** GET {@code /admin/realms/{realm}/orgbridge/{path}} with the bearer token (none when null). */
    public static HttpResponse<String> get(String realm, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(OrgbridgeServer.BASE_URL + "/admin/realms/" + realm + "/orgbridge/" + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return Http.send(request.build());
    }

    /** POST {@code /admin/realms/{realm}/orgbridge/{path}} with a body of that content type. */
    public static HttpResponse<String> post(String realm, String path, String contentType,
                                            HttpRequest.BodyPublisher body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(OrgbridgeServer.BASE_URL + "/admin/realms/" + realm + "/orgbridge/" + path))
                .header("Content-Type", contentType)
                .POST(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** The user's grant records ({@code users/{id}/grants}); fails unless the answer is 200. */
    public static List<Map<String, Object>> grants(String realm, String userId, String token) {
        HttpResponse<String> response = get(realm, "users/" + userId + "/grants", token);
        if (response.statusCode() != 200) {
            throw new AssertionError("grants of " + userId + ": " + response.statusCode() + " " + response.body());
        }
        try {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> grants = JsonSerialization.readValue(response.body(), List.class);
            return grants;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
