package dev.orgbridge.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.keycloak.util.JsonSerialization;

/**
 * The account console's REST API ({@code /realms/{realm}/account/}), called with the signed-in user's own access
 * token, as the console's page does: read the profile, change it, save it whole.
 */
public final class AccountApi {


    private final URI account;
    private final String token;

    public AccountApi(String realm, String userAccessToken) {
        this.account = URI.create(OrgbridgeServer.BASE_URL + "/realms/" + realm + "/account/");
        this.token = userAccessToken;
    }

    /** Reads the profile, applies {@code change} and saves it; fails unless Keycloak accepts it. */
    public void updateProfile(UnaryOperator<Map<String, Object>> change) {
        HttpResponse<String> read = send(HttpRequest.newBuilder(account).GET());
        if (read.statusCode() != 200) {
            throw new AssertionError("account: " + read.statusCode() + " " + read.body());
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> profile = JsonSerialization.readValue(read.body(), Map.class);
            HttpResponse<String> saved = send(HttpRequest.newBuilder(account)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            JsonSerialization.writeValueAsString(change.apply(profile)))));
            if (saved.statusCode() != 204) {
                throw new AssertionError("account update: " + saved.statusCode() + " " + saved.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return Http.send(request.header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .build());
    }
}
