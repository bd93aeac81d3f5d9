package dev.orgbridge.delivery.scim;

import static dev.orgbridge.delivery.scim.ScimFixtures.JORG;
import static dev.orgbridge.delivery.scim.ScimFixtures.LOCAL_TESTS;
import static dev.orgbridge.delivery.scim.ScimFixtures.endpoint;
import static dev.orgbridge.delivery.scim.ScimFixtures.scim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.orgbridge.core.provisioning.DeliveryOutcome;
import dev.orgbridge.core.provisioning.DeliveryOutcome.TransportFailure;
import dev.orgbridge.core.provisioning.TargetUrl;
import dev.orgbridge.core.provisioning.scim.DeprovisionMode;
import dev.orgbridge.core.provisioning.scim.ScimError;
import dev.orgbridge.delivery.LocalNetwork;
import dev.orgbridge.delivery.scim.ScimResult.Action;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Each way of authenticating, against servers that check it; OAuth2 tokens from a loopback token endpoint. */
class ScimClientAuthTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
    @AutoClose
    private final TokenEndpoint tokens = new TokenEndpoint(300);
    @AutoClose
    private final ScimTestServer server = new ScimTestServer(header -> tokens.accepts(header), true, true);
    @AutoClose
    private final ScimClient client = ScimFixtures.client(Duration.ofSeconds(10), clock);

    @Test
    void aBearerTokenIsSentAndAWrongOneIsAPermanentFailure() {
        try (ScimTestServer bearer = ScimTestServer.withToken("right")) {
            assertEquals(Action.CREATED, client.provisionUser(endpoint(bearer, new ScimAuth.Bearer("right")),
                    scim(JORG), Optional.empty()).action());

            ScimResult refused = client.provisionUser(endpoint(bearer, new ScimAuth.Bearer("wrong")), scim(JORG),
                    Optional.empty());

            assertEquals(new DeliveryOutcome.PermanentFailure(new DeliveryOutcome.HttpStatus(401)), refused.outcome());
            assertEquals(401, refused.error().orElseThrow().status());
        }
    }

    @Test
    void basicAuthenticationSendsTheUserAndPassword() {
        String expected = "Basic " + Base64.getEncoder().encodeToString("svc-orgbridge:pä:ss"
                .getBytes(StandardCharsets.UTF_8));
        try (ScimTestServer basic = new ScimTestServer(expected::equals, true, true)) {
            ScimResult result = client.provisionUser(endpoint(basic, new ScimAuth.Basic("svc-orgbridge", "pä:ss")),
                    scim(JORG), Optional.empty());

            assertEquals(Action.CREATED, result.action());
        }
    }

    @Test
    void anOAuth2TokenIsFetchedOnceAndReusedWhileItLasts() {
        client.provisionUser(oauth2(), scim(JORG), Optional.empty());
        clock.advance(Duration.ofSeconds(269)); // 300 s tokens are renewed 30 s before they expire

        ScimResult result = client.provisionUser(oauth2(), scim(JORG), Optional.empty());

        assertEquals(Action.ADOPTED, result.action());
        assertEquals(1, tokens.issued());
        assertEquals(List.of("scim.write"), tokens.scopes());
    }

    @Test
    void anOAuth2TokenIsRenewedShortlyBeforeItExpires() {
        client.provisionUser(oauth2(), scim(JORG), Optional.empty());
        clock.advance(Duration.ofSeconds(271));

        client.provisionUser(oauth2(), scim(JORG), Optional.empty());

        assertEquals(2, tokens.issued());
    }

    @Test
    void aTokenTheServerRefusesIsDroppedAndTheRequestSentOnceMoreWithANewOne() {
        String id = client.provisionUser(oauth2(), scim(JORG), Optional.empty()).remoteId().orElseThrow();
        tokens.revokeAll(); // withdrawn before it expired

        ScimResult result = client.provisionUser(oauth2(), scim(JORG), Optional.of(id));

        assertEquals(Action.UPDATED, result.action());
        assertEquals(2, tokens.issued());
        assertEquals(2, server.count("PATCH")); // 401, then the same PATCH with token-2
    }

    @Test
    void aServerThatKeepsRefusingIsAskedOnceMoreOnly() {
        try (ScimTestServer refusing = new ScimTestServer(header -> false, true, true)) {
            ScimResult result = client.provisionUser(oauth2(refusing, TokenEndpoint.CLIENT_SECRET), scim(JORG),
                    Optional.empty());

            assertEquals(new DeliveryOutcome.PermanentFailure(new DeliveryOutcome.HttpStatus(401)), result.outcome());
            assertEquals(2, refusing.count("GET"));
            assertEquals(2, tokens.issued());
        }
    }

    @Test
    void aTokenEndpointRefusingTheClientFailsTheCallWithItsError() {
        ScimResult result = client.provisionUser(oauth2(server, "wrong secret"), scim(JORG), Optional.empty());

        assertEquals(new ScimResult(new DeliveryOutcome.PermanentFailure(new DeliveryOutcome.HttpStatus(401)),
                Action.FAILED, Optional.empty(), Optional.of(ScimError.of(401, null,
                        "token endpoint: invalid_client: unknown client"))), result);
        assertEquals(List.of(), server.requests());
    }

    @Test
    void aTokenEndpointThatIsDownIsRetried() {
        ScimAuth down = new ScimAuth.ClientCredentials(TargetUrl.parse("http://127.0.0.1:" + LocalNetwork.closedPort()
                + "/token", LOCAL_TESTS), TokenEndpoint.CLIENT_ID, TokenEndpoint.CLIENT_SECRET, Optional.empty());

        ScimResult result = client.deprovisionUser(endpoint(server, down), "u1",
                DeprovisionMode.DELETE);

        assertEquals(new DeliveryOutcome.Retry(TransportFailure.CONNECTION_REFUSED, Optional.empty()),
                result.outcome());
        assertEquals(Optional.of("token endpoint: no answer"), result.error().orElseThrow().detail());
    }

    @Test
    void noSecretAppearsInWhatMayBeLogged() {
        List<ScimAuth> auths = List.of(new ScimAuth.Bearer("t0p-s3cret"), new ScimAuth.Basic("svc", "t0p-s3cret"),
                new ScimAuth.ClientCredentials(TargetUrl.parse(tokens.url(), LOCAL_TESTS), "client", "t0p-s3cret",
                        Optional.of("scim")));
        for (ScimAuth auth : auths) {
            assertFalse(auth.toString().contains("t0p-s3cret"), auth.toString());
            assertFalse(endpoint(server, auth).toString().contains("t0p-s3cret"));
        }
        assertEquals("Basic[username=svc, password=…]", auths.get(1).toString());
    }

    private ScimEndpoint oauth2() {
        return oauth2(server, TokenEndpoint.CLIENT_SECRET);
    }

    private ScimEndpoint oauth2(ScimTestServer scim, String clientSecret) {
        return endpoint(scim, new ScimAuth.ClientCredentials(TargetUrl.parse(tokens.url(), LOCAL_TESTS),
                TokenEndpoint.CLIENT_ID, clientSecret, Optional.of("scim.write")));
    }

    /** A clock the test moves forward. */
    private static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
