package dev.orgbridge.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.keycloak.util.JsonSerialization;

/**
 * A user signing in with username and password through a realm's {@code admin-cli} client (a direct grant, as a
 * script or a command-line tool does): the token endpoint's answer, counted by brute-force protection like a login
 * form's.
 */
public final class PasswordGrant {


    private PasswordGrant() {
    }

    /**
     * The token endpoint's answer: 200 with tokens, 400 ({@code invalid_grant}) for a wrong password or a disabled
     * user.
     */
    public static HttpResponse<String> request(String realm, String username, String password) {
        String form = "grant_type=password&client_id=admin-cli&username=" + encode(username) + "&password="
                + encode(password);
        URI token = URI.create(OrgbridgeServer.BASE_URL + "/realms/" + realm + "/protocol/openid-connect/token");
        return Http.send(HttpRequest.newBuilder(token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** The access token of a sign-in that must succeed. */
    public static String accessToken(String realm, String username, String password) {
        HttpResponse<String> response = request(realm, username, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("password grant of " + username + ": " + response.statusCode() + " "
                    + response.body());
        }
        try {
            return (String) JsonSerialization.readValue(response.body(), Map.class).get("access_token");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
