package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.it.harness.BrokeredLoginTest;
import dev.orgbridge.it.harness.OrgbridgeServer;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ErrorRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.util.JsonSerialization;

/**
 * An admin gives users their SSO identifiers (the demo realm's user-profile attribute {@code ssoIdentifier} with
 * validator {@code orgbridge-sso-identifier}): nobody else in the realm may hold the same one, whatever its case.
 */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class SsoIdentifierUniquenessIT extends BrokeredLoginTest {

    @Test
    void anAdminGivesAUserAnIdentifier() {
        Response created = create("jsmith", "ABC123");

        assertEquals(201, created.getStatus(), body(created));
        assertEquals(List.of("ABC123"), user("jsmith").getAttributes().get("ssoIdentifier"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC123", "abc123", " AbC123 ", "abc123\t"})
    void anotherUserCannotBeCreatedWithTheSameIdentifierInAnyCase(String variant) {
        assertEquals(201, create("jsmith", "ABC123").getStatus());

        Response duplicate = create("jdoe", variant);

        assertEquals(400, duplicate.getStatus(), body(duplicate));
        assertEquals("orgbridgeSsoIdentifierTaken", errorMessage(duplicate));
        assertEquals(List.of(), broker.admin().users().searchByUsername("jdoe", true), "nothing half-created");
    }

    @Test
    void unicodeFormsOfOneIdentifierAreTheSame() {
        assertEquals(201, create("jmuller", "M\u00FCller").getStatus());

        assertEquals(400, create("jmueller", "MU\u0308LLER").getStatus());
    }

    @Test
    void anUpdateCannotTakeAnotherUsersIdentifier() {
        assertEquals(201, create("jsmith", "ABC123").getStatus());
        assertEquals(201, create("jdoe", "XYZ789").getStatus());
        UserResource jdoe = broker.admin().users().get(user("jdoe").getId());
        UserRepresentation change = jdoe.toRepresentation();
        change.getAttributes().put("ssoIdentifier", List.of("abc123"));

        int status;
        try {
            jdoe.update(change);
            status = 204;
        } catch (jakarta.ws.rs.WebApplicationException e) {
            status = e.getResponse().getStatus();
        }

        assertEquals(400, status);
        assertEquals(List.of("XYZ789"), user("jdoe").getAttributes().get("ssoIdentifier"));
    }

    @Test
    void aUserKeepsTheirOwnIdentifierWhenChangingItsCase() {
        assertEquals(201, create("jsmith", "ABC123").getStatus());
        UserResource jsmith = broker.admin().users().get(user("jsmith").getId());
        UserRepresentation change = jsmith.toRepresentation();
        change.getAttributes().put("ssoIdentifier", List.of("abc123"));

        jsmith.update(change);

        assertEquals(List.of("abc123"), user("jsmith").getAttributes().get("ssoIdentifier"));
    }

    @Test
    void anIdentifierGivenUpCanBeTakenByAnotherUser() {
        assertEquals(201, create("jsmith", "ABC123").getStatus());
        UserResource jsmith = broker.admin().users().get(user("jsmith").getId());
        UserRepresentation change = jsmith.toRepresentation();
        change.getAttributes().put("ssoIdentifier", List.of("NEW001"));
        jsmith.update(change);

        assertEquals(201, create("jdoe", "abc123").getStatus());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            en, This SSO identifier is already used by another user.
            de, Diese SSO-Kennung wird bereits von einem anderen Benutzer verwendet.
            """)
    void theAdminConsoleShowsTheErrorInTheAdminsLanguage(String language, String message) throws Exception {
        // the admin console translates the error's key with the realm's admin messages, Orgbridge's included
        HttpResponse<String> messages = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                OrgbridgeServer.BASE_URL + "/resources/" + broker.getName() + "/admin/" + language)).build(),
                HttpResponse.BodyHandlers.ofString());

        List<?> entries = JsonSerialization.readValue(messages.body(), List.class);
        assertTrue(entries.contains(Map.of("key", "orgbridgeSsoIdentifierTaken", "value", message)),
                messages.body().length() + " characters of messages");
    }

    @Test
    void anIdentifierWithALineBreakIsRefused() {
        Response invalid = create("jsmith", "ABC\n123");

        assertEquals(400, invalid.getStatus(), body(invalid));
        assertEquals("orgbridgeSsoIdentifierInvalid", errorMessage(invalid));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RACE-1", "RACE-2", "RACE-3"})
    void ofTwentyConcurrentCreatesWithCaseVariantsExactlyOneSucceeds(String identifier) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String username = "racer" + i;
            String variant = i % 2 == 0 ? identifier : identifier.toLowerCase(Locale.ROOT);
            Callable<Integer> create = () -> {
                try (Response response = create(username, variant)) {
                    return response.getStatus();
                }
            };
            statuses.add(pool.submit(create));
        }
        List<Integer> answers = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answers.add(status.get());
        }
        pool.shutdown();

        assertEquals(1, answers.stream().filter(s -> s == 201).count(), answers.toString());
        assertTrue(answers.stream().allMatch(s -> s == 201 || s == 400), answers.toString());
        assertEquals(1, broker.admin().users().search("racer", 0, 100).size());
    }

    private Response create(String username, String ssoIdentifier) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@acme.com");
        user.setFirstName("Test");
        user.setLastName(username);
        user.setEnabled(true);
        user.setAttributes(Map.of("ssoIdentifier", List.of(ssoIdentifier)));
        return broker.admin().users().create(user);
    }

    private UserRepresentation user(String username) {
        return broker.admin().users().searchByUsername(username, true).get(0);
    }

    private static String errorMessage(Response response) {
        return response.readEntity(ErrorRepresentation.class).getErrorMessage();
    }

    private static String body(Response response) {
        response.bufferEntity();
        return response.readEntity(String.class);
    }
}
