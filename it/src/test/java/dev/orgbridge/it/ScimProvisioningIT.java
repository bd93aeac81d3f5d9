package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.captaingoldfish.scim.sdk.common.resources.User;
import dev.orgbridge.delivery.scim.ScimTestServer;
import dev.orgbridge.it.harness.BrokeredLoginTest;
import dev.orgbridge.it.harness.CustomerIdp;
import dev.orgbridge.it.harness.CustomerUser;
import dev.orgbridge.it.harness.OrgbridgeServer;
import dev.orgbridge.it.harness.ProvisioningTargetsApi;
import dev.orgbridge.it.harness.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The downstream app is a SCIM 2.0 server (the SCIM SDK's, written by others, on loopback): Keycloak's users appear
 * there, follow every change, and are deactivated when deleted (docs/provisioning.md#scim-target).
 */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class ScimProvisioningIT extends BrokeredLoginTest {

    private static final String TOKEN = "scim-t0k3n";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectAdminClient
    Keycloak admin;

    private final ScimTestServer app = ScimTestServer.withToken(TOKEN);
    private ProvisioningTargetsApi targets;

    @BeforeEach
    void registerTheApp() {
        targets = new ProvisioningTargetsApi(broker, admin);
        targets.add("orgbridge-scim", "app", Map.of("baseUrl", List.of(app.baseUrl()), "token", List.of(TOKEN)));
    }

    @AfterEach
    void removeTheApp() {
        targets.removeAll();
        app.close();
    }

    @Test
    void anAdminCreatedUserAppearsInTheAppWithKeycloaksIdAsExternalId() {
        String jdoe = TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");

        User user = await("jdoe", u -> true);
        assertEquals(Optional.of(jdoe), user.getExternalId());
        assertEquals(Optional.of(true), user.isActive());
        assertEquals("jdoe@acme.com", user.getEmails().get(0).getValue().orElseThrow());
    }

    @Test
    void changesFollowAndADeletionDeactivates() {
        String jdoe = TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");
        await("jdoe", u -> true);

        UserRepresentation change = broker.admin().users().get(jdoe).toRepresentation();
        change.setFirstName("Jane");
        broker.admin().users().get(jdoe).update(change);
        await("jdoe", u -> u.getName().flatMap(n -> n.getGivenName()).equals(Optional.of("Jane")));

        broker.admin().users().delete(jdoe).close();

        await("jdoe", u -> u.isActive().equals(Optional.of(false)));
        assertEquals(1, app.users.all().stream().filter(u -> u.getUserName().equals(Optional.of("jdoe"))).count(),
                "one resource, deactivated, never a second one");
    }

    @Test
    void aJustInTimeLoginProvisionsTheUser() {
        browser.logInToApp(CustomerIdp.OIDC, CustomerUser.CAROL).asOidcSignIn();

        String carol = broker.admin().users().searchByEmail(CustomerUser.CAROL.email(), true).get(0).getUsername();
        User user = await(carol, u -> true);
        assertTrue(user.isActive().orElse(false));
    }

    @Test
    void aUserTheAppAlreadyHasIsAdoptedNotDuplicated() {
        User existing = User.builder().userName("jdoe").active(true).build();
        app.users.put(existing);

        String jdoe = TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");

        await("jdoe", u -> u.getExternalId().equals(Optional.of(jdoe)));
        assertEquals(1, app.users.all().size());
    }

    private User await(String userName, Predicate<User> until) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<User> found = app.users.all().stream()
                    .filter(u -> u.getUserName().equals(Optional.of(userName))).findFirst();
            if (found.isPresent() && until.test(found.get())) {
                return found.get();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the app has no such " + userName + "; it has "
                + app.users.all().stream().map(u -> u.getUserName().orElse("?") + " active=" + u.isActive()).toList()
                + "; log: " + targets.deliveries("status=dead"));
    }
}
