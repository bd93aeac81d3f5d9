package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.it.harness.BrokeredLoginTest;
import dev.orgbridge.it.harness.OrgbridgeAdminApi;
import dev.orgbridge.it.harness.OrgbridgeServer;
import dev.orgbridge.it.harness.PasswordGrant;
import dev.orgbridge.it.harness.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.util.JsonSerialization;

/**
 * An admin onboards a customer's employees from a file before their SSO goes live: every valid row becomes a user,
 * every other row says why not, and nothing that already exists is touched (docs/sso-identifier.md).
 */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class BulkImportIT extends BrokeredLoginTest {

    private static final String HEADER = "username,email,firstName,lastName,ssoIdentifier,groups,enabled\n";

    @InjectAdminClient
    Keycloak admin;

    @Test
    void everyValidRowBecomesAUser() {
        Map<String, Object> report = importCsv(HEADER
                + "jsmith,john.smith@acme.com,John,Smith,EMP-001,/teams/Sales,true\n"
                + "\"mlee\",mary.lee@acme.com,Mary,\"Lee, Jr.\",EMP-002,/teams/Support;/staff,true\n"
                + "pdavis,pat.davis@acme.com,Pat,Davis,EMP-003,,false\n", false);

        assertEquals(3, report.get("created"), report.toString());
        assertEquals(0, report.get("rejected"));
        UserRepresentation mary = user("mlee");
        assertEquals("Lee, Jr.", mary.getLastName());
        assertEquals(List.of("EMP-002"), mary.getAttributes().get("ssoIdentifier"));
        assertEquals(List.of("/staff", "/teams/Support"), broker.admin().users().get(mary.getId()).groups().stream()
                .map(GroupRepresentation::getPath).sorted().toList());
        assertEquals(false, user("pdavis").isEnabled());
        List<AdminEventRepresentation> created = broker.admin().getAdminEvents().stream()
                .filter(e -> "USER".equals(e.getResourceType()) && "CREATE".equals(e.getOperationType()))
                .toList();
        assertEquals(3, created.size(), "one admin event per user created");
    }

    @Test
    void aDryRunValidatesWithoutCreating() {
        Map<String, Object> report = importCsv(HEADER + "jsmith,john.smith@acme.com,John,Smith,EMP-001,,\n"
                + "bad,not-an-email,,,,,\n", true);

        assertEquals(true, report.get("dryRun"));
        assertEquals(1, report.get("valid"), report.toString());
        assertEquals(List.of("valid", "rejected email_invalid"), outcomes(report));
        assertEquals(List.of(), broker.admin().users().list());
    }

    @Test
    void rowsRepeatingAnEarlierRowAreRejectedNamingIt() {
        Map<String, Object> report = importCsv(HEADER
                + "jsmith,john.smith@acme.com,,,EMP-001,,\n"
                + "JSMITH,other@acme.com,,,EMP-009,,\n"
                + "jsmith2,John.Smith@ACME.com,,,EMP-010,,\n"
                + "jsmith3,third@acme.com,,,emp-001,,\n", false);

        assertEquals(List.of("created", "rejected username_duplicate_in_file", "rejected email_duplicate_in_file",
                "rejected sso_identifier_duplicate_in_file"), outcomes(report));
        assertEquals(List.of(2, 2, 2), rows(report).stream().skip(1).map(r -> r.get("earlierLine")).toList());
    }

    @Test
    void existingUsersAreNeverModified() {
        String existing = TestUsers.create(broker.admin(), "jsmith", "john.smith@acme.com", true, "password");
        UserRepresentation john = broker.admin().users().get(existing).toRepresentation();
        john.setAttributes(new HashMap<>(Map.of("ssoIdentifier", List.of("ABC123"))));
        broker.admin().users().get(existing).update(john);

        Map<String, Object> report = importCsv(HEADER
                + "jsmith,new.email@acme.com,New,Name,NEW-1,,\n"
                + "other,john.smith@acme.com,,,NEW-2,,\n"
                + "third,third@acme.com,,,abc123,,\n"
                + "fourth,fourth@acme.com,,,NEW-4,/no/such/group,\n", false);

        assertEquals(List.of("rejected username_exists", "rejected email_exists", "rejected sso_identifier_exists",
                "rejected group_not_found"), outcomes(report));
        UserRepresentation after = broker.admin().users().get(existing).toRepresentation();
        assertEquals("john.smith@acme.com", after.getEmail());
        assertEquals("Test", after.getFirstName());
        assertEquals(1, broker.admin().users().count());
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRejectedAndTheOthersGoOn() {
        Map<String, Object> report = importCsv(HEADER + "short,short@acme.com\n"
                + "jsmith,john.smith@acme.com,,,EMP-001,,\n", false);

        assertEquals(List.of("rejected wrong_column_count", "created"), outcomes(report));
    }

    @Test
    void aByteOrderMarkIsAccepted() {
        Map<String, Object> report = importCsv("\uFEFF" + HEADER + "jsmith,john.smith@acme.com,,,EMP-001,,\n", false);

        assertEquals(List.of("created"), outcomes(report));
    }

    @Test
    void jsonRowsWorkLikeCsvRows() {
        HttpResponse<String> response = post("users/import", "application/json", """
                [{"username": "jsmith", "email": "john.smith@acme.com", "ssoIdentifier": "EMP-001",
                  "groups": ["/teams/Sales"], "enabled": true},
                 {"username": "mlee", "email": "mary.lee@acme.com", "enabled": false}]
                """.getBytes(StandardCharsets.UTF_8));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(List.of("created", "created"), outcomes(json(response)));
        assertEquals(false, user("mlee").isEnabled());
    }

    @Test
    void aMalformedFileIsRefusedWholeAndCreatesNothing() {
        Map<String, String> malformed = Map.of(
                HEADER + "jsmith,john.smith@acme.com,,,EMP-001,,\n\"unbalanced,quote\n", "CSV line 3: unterminated quote",
                "username,password\njsmith,secret\n", "header: unknown column 'password'; columns are username, email, firstName, lastName, ssoIdentifier, "
                        + "groups, enabled",
                "email\njohn.smith@acme.com\n", "header: column username is required",
                "", "the file is empty: a header row is required");
        malformed.forEach((file, message) -> {
            HttpResponse<String> response = post("users/import", "text/csv", file.getBytes(StandardCharsets.UTF_8));
            assertEquals(400, response.statusCode(), response.body());
            assertEquals(message, json(response).get("errorMessage"));
        });
        assertEquals(List.of(), broker.admin().users().list(), "no row of a refused file is created");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithoutCreatingAnything() {
        // rows generated as they are sent, half again the test server's limit
        long size = OrgbridgeServer.IMPORT_MAX_BYTES * 3 / 2;
        byte[] row = "user,user@acme.com,,,,,\n".getBytes(StandardCharsets.US_ASCII);
        InputStream rows = new InputStream() {
            private long sent;

            @Override
            public int read() {
                if (sent >= size) {
                    return -1;
                }
                return sent++ < HEADER.length() ? HEADER.charAt((int) sent - 1) : row[(int) (sent % row.length)];
            }
        };

        HttpResponse<String> response = post("users/import", "text/csv", HttpRequest.BodyPublishers.ofInputStream(
                () -> rows));

        assertEquals(413, response.statusCode(), response.body());
        assertEquals("the file is larger than " + OrgbridgeServer.IMPORT_MAX_BYTES + " bytes",
                json(response).get("errorMessage"));
        assertEquals(List.of(), broker.admin().users().list());
    }

    @Test
    void aFileOverTheRowLimitIsRefusedWithoutCreatingAnything() {
        // one column, so 100,001 rows stay under the test server's byte limit
        StringBuilder file = new StringBuilder("username\n");
        for (int i = 0; i <= 100_000; i++) {
            file.append('u').append(i).append('\n');
        }

        HttpResponse<String> response = post("users/import", "text/csv",
                file.toString().getBytes(StandardCharsets.UTF_8));

        assertEquals(413, response.statusCode(), response.body());
        assertEquals("the file has more than 100000 rows", json(response).get("errorMessage"));
        assertEquals(List.of(), broker.admin().users().list());
    }

    @Test
    void importingNeedsTheRightToManageUsers() {
        TestUsers.create(broker.admin(), "viewer", "viewer@acme.com", true, "password");
        String token = PasswordGrant.accessToken(broker.getName(), "viewer", "password");
        byte[] file = (HEADER + "jsmith,,,,,,\n").getBytes(StandardCharsets.UTF_8);

        assertEquals(401, OrgbridgeAdminApi.post(broker.getName(), "users/import", "text/csv",
                HttpRequest.BodyPublishers.ofByteArray(file), null).statusCode());
        assertEquals(403, OrgbridgeAdminApi.post(broker.getName(), "users/import", "text/csv",
                HttpRequest.BodyPublishers.ofByteArray(file), token).statusCode());
        assertEquals(1, broker.admin().users().count(), "only the viewer");
    }

    @Test
    void theCollisionReportListsUsersSharingAnIdentifierIgnoringCase() throws IOException {
        // identifiers set past the validator, as a realm import does
        PartialImportRepresentation legacy = new PartialImportRepresentation();
        legacy.setIfResourceExists("FAIL");
        legacy.setUsers(List.of(legacyUser("old-a", "DUP-1"), legacyUser("old-b", "dup-1"),
                legacyUser("old-c", "UNIQUE-1")));
        broker.admin().partialImport(legacy).close();

        HttpResponse<String> response = OrgbridgeAdminApi.get(broker.getName(), "sso-identifiers/collisions",
                admin.tokenManager().getAccessTokenString());

        assertEquals(200, response.statusCode(), response.body());
        List<?> collisions = JsonSerialization.readValue(response.body(), List.class);
        assertEquals(1, collisions.size(), response.body());
        Map<?, ?> collision = (Map<?, ?>) collisions.get(0);
        assertEquals("dup-1", collision.get("key"));
        assertEquals(List.of("old-a DUP-1", "old-b dup-1"), ((List<?>) collision.get("users")).stream()
                .map(u -> ((Map<?, ?>) u).get("username") + " " + ((Map<?, ?>) u).get("value")).toList());
    }

    // ---------------------------------------------------------------------------------------------------------

    private static UserRepresentation legacyUser(String username, String ssoIdentifier) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setAttributes(Map.of("ssoIdentifier", List.of(ssoIdentifier)));
        return user;
    }

    private Map<String, Object> importCsv(String csv, boolean dryRun) {
        HttpResponse<String> response = post("users/import" + (dryRun ? "?dryRun=true" : ""), "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body) {
        return post(path, contentType, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) {
        return OrgbridgeAdminApi.post(broker.getName(), path, contentType, body,
                admin.tokenManager().getAccessTokenString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> response) {
        try {
            return JsonSerialization.readValue(response.body(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(response.body(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("rows");
    }

    private static List<String> outcomes(Map<String, Object> report) {
        return rows(report).stream()
                .map(row -> row.containsKey("reason") ? row.get("status") + " " + row.get("reason")
                        : (String) row.get("status"))
                .collect(Collectors.toList());
    }

    private UserRepresentation user(String username) {
        return broker.admin().users().searchByUsername(username, true).get(0);
    }
}
