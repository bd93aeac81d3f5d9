package dev.orgbridge.delivery.scim;

import static dev.orgbridge.delivery.scim.ScimFixtures.JORG;
import static dev.orgbridge.delivery.scim.ScimFixtures.TOKEN;
import static dev.orgbridge.delivery.scim.ScimFixtures.endpoint;
import static dev.orgbridge.delivery.scim.ScimFixtures.scim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.captaingoldfish.scim.sdk.common.resources.User;
import dev.orgbridge.core.provisioning.DeliveryOutcome;
import dev.orgbridge.core.provisioning.DeliveryOutcome.HttpStatus;
import dev.orgbridge.core.provisioning.DeliveryOutcome.TransportFailure;
import dev.orgbridge.core.provisioning.TargetPolicy;
import dev.orgbridge.core.provisioning.TargetUrl;
import dev.orgbridge.core.provisioning.scim.DeprovisionMode;
import dev.orgbridge.core.provisioning.scim.ScimError;
import dev.orgbridge.delivery.LocalNetwork;
import dev.orgbridge.delivery.scim.ScimResult.Action;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Servers that are busy, down, slow, wrong or not to be called: each becomes the outcome the worker acts on. */
class ScimClientFailureTest {

    @AutoClose
    private final ScimTestServer server = ScimTestServer.withToken(TOKEN);
    @AutoClose
    private final ScimClient client = ScimFixtures.client();

    @Test
    void aBusyServerIsRetriedAfterTheWaitItAskedFor() {
        server.answerNext(429, Map.of("Retry-After", "7"), "");

        ScimResult result = client.provisionUser(endpoint(server), scim(JORG), Optional.of("u1"));

        assertEquals(new DeliveryOutcome.Retry(new HttpStatus(429), Optional.of(Duration.ofSeconds(7))),
                result.outcome());
        assertEquals(Action.FAILED, result.action());
        assertEquals(Optional.of("u1"), result.remoteId()); // still the user's id: keep it
    }

    @Test
    void anUnavailableServerIsRetried() {
        server.answerNext(503, Map.of("Retry-After", "120"), "");

        ScimResult result = client.deprovisionUser(endpoint(server), "u1", DeprovisionMode.DELETE);

        assertEquals(new DeliveryOutcome.Retry(new HttpStatus(503), Optional.of(Duration.ofMinutes(2))),
                result.outcome());
    }

    @Test
    void aServerThatHangsTimesOutInsteadOfHoldingTheWorker() throws IOException {
        server.hangNext(Duration.ofSeconds(3));
        try (ScimClient impatient = ScimFixtures.client(Duration.ofMillis(500), Clock.systemUTC())) {
            long started = System.nanoTime();

            ScimResult result = impatient.deleteGroup(endpoint(server), "g1");

            assertEquals(new DeliveryOutcome.Retry(TransportFailure.READ_TIMEOUT, Optional.empty()), result.outcome());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(2)) < 0);
        }
    }

    @Test
    void aServerThatIsDownIsRetried() {
        ScimEndpoint down = new ScimEndpoint(TargetUrl.parse("http://127.0.0.1:" + LocalNetwork.closedPort()
                + "/scim/v2", ScimFixtures.LOCAL_TESTS), new ScimAuth.Bearer(TOKEN));

        ScimResult result = client.provisionUser(down, scim(JORG), Optional.empty());

        assertEquals(new ScimResult(new DeliveryOutcome.Retry(TransportFailure.CONNECTION_REFUSED, Optional.empty()),
                Action.FAILED, Optional.empty(), Optional.empty()), result);
    }

    @Test
    void theServersErrorIsKeptLogSafe() {
        server.answerNext(400, Map.of("Content-Type", "application/scim+json"), "{\"schemas\":"
                + "[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"400\",\"scimType\":\"invalidValue\","
                + "\"detail\":\"title is too long\\nINFO forged line " + "x".repeat(300) + "\"}");

        ScimResult result = client.provisionUser(endpoint(server), scim(JORG), Optional.of("u1"));

        assertEquals(new DeliveryOutcome.PermanentFailure(new HttpStatus(400)), result.outcome());
        ScimError error = result.error().orElseThrow();
        assertEquals(Optional.of("invalidValue"), error.scimType());
        String detail = error.detail().orElseThrow();
        assertTrue(detail.startsWith("title is too long INFO forged line xxx"), detail);
        assertEquals(ScimError.MAX_DETAIL + 1, detail.length()); // and the ellipsis
        assertEquals(0, server.count("PUT")); // invalidValue: a PUT would carry the same value
    }

    @Test
    void anErrorPageThatIsNotScimStillGivesTheStatus() {
        server.answerNext(502, Map.of("Content-Type", "text/html"), "<html><body>Bad gateway</body></html>");

        ScimResult result = client.deleteGroup(endpoint(server), "g1");

        assertEquals(Optional.of(ScimError.of(502, null, null)), result.error());
    }

    @Test
    void aServerThatIgnoresTheFilterCannotMakeTheClientAdoptSomeoneElse() {
        String stranger = server.users.put(User.builder().userName("someone-else").externalId("kc-other").build());
        server.answerNext(200, Map.of("Content-Type", "application/scim+json"), "{\"schemas\":"
                + "[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":1,\"Resources\":"
                + "[{\"id\":\"" + stranger + "\",\"userName\":\"someone-else\",\"externalId\":\"kc-other\"}]}");

        ScimResult result = client.provisionUser(endpoint(server), scim(JORG), Optional.empty());

        assertEquals(Action.CREATED, result.action());
        assertEquals(Optional.of("kc-other"), server.users.get(stranger).getExternalId());
    }

    @Test
    void aHostResolvingToAnAddressThePolicyRefusesIsNeverContacted() {
        // This machine's own name passes the URL check (a name), then resolves to loopback, which the policy
        // refuses: the check happens on the resolved addresses, at send time (DNS rebinding).
        TargetPolicy httpOnly = new TargetPolicy(true, false, false);
        ScimEndpoint sneaky = new ScimEndpoint(TargetUrl.parse(server.baseUrl().replace("127.0.0.1",
                LocalNetwork.ownNameResolvingHere()), httpOnly), new ScimAuth.Bearer(TOKEN));

        ScimResult result = client.provisionUser(sneaky, scim(JORG), Optional.empty());

        assertEquals(new DeliveryOutcome.PermanentFailure(TransportFailure.ADDRESS_REFUSED), result.outcome());
        assertEquals(List.of(), server.requests());
    }
}
