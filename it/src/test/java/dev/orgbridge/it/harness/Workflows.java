package dev.orgbridge.it.harness;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.keycloak.admin.client.Keycloak;

/**
 * Keycloak Workflows of a realm, through the admin REST API an admin's tooling uses
 * ({@code /admin/realms/{realm}/workflows}): define a workflow, start it for a user, remove it.
 */
public final class Workflows {


    private final String realm;
    private final Keycloak admin;

    public Workflows(String realm, Keycloak admin) {
        this.realm = realm;
        this.admin = admin;
    }

    /** Defines a workflow from its JSON; answers its id. */
    public String create(String json) {
        HttpResponse<String> created = send(request("").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        if (created.statusCode() != 201) {
            throw new AssertionError("workflow not created: " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Starts the workflow for a user now ({@code activate/USERS/{id}}): steps without a delay run at once. */
    public void activateForUser(String workflowId, String userId) {
        expect(204, send(request("/" + workflowId + "/activate/USERS/" + userId)
                .POST(HttpRequest.BodyPublishers.noBody())));
    }

    public void delete(String workflowId) {
        expect(204, send(request("/" + workflowId).DELETE()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(OrgbridgeServer.BASE_URL + "/admin/realms/" + realm + "/workflows"
                        + path))
                .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString());
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().uri() + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return Http.send(request.build());
    }
}
