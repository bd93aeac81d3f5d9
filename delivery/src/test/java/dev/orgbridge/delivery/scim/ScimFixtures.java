package dev.orgbridge.delivery.scim;

import dev.orgbridge.core.provisioning.TargetPolicy;
import dev.orgbridge.core.provisioning.TargetUrl;
import dev.orgbridge.core.provisioning.scim.ScimUser;
import dev.orgbridge.core.provisioning.scim.ScimUserMapping;
import dev.orgbridge.core.provisioning.scim.ScimUserSource;
import dev.orgbridge.delivery.TargetHttp;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** What the SCIM client tests share: the loopback policy, a client, Jörg as Keycloak has him. */
final class ScimFixtures {

    /** Loopback over plain http: the test servers. */
    static final TargetPolicy LOCAL_TESTS = new TargetPolicy(true, false, true);
    static final String TOKEN = "t0k3n";

    /** Jörg as Keycloak holds him: a member of the sales division, no title. */
    static final ScimUserSource JORG = new ScimUserSource("8c3e2a4f-6b1d-4e7a-9c2b-5d8f1a3e6b90", "jmuller",
            "jmuller@acme.com", "Jörg", "Müller", true, Map.of("division", List.of("Sales"),
                    "userType", List.of("employee")));

    private ScimFixtures() {
    }

    /**
     * A client waiting {@code readTimeout} for an answer. The SDK's first request in a JVM takes a while (it builds its
     * filter parser), so tests that do not test timeouts wait long enough.
     */
    static ScimClient client(Duration readTimeout, Clock clock) {
        try {
            return new ScimClient(new TargetHttp(Duration.ofSeconds(1), readTimeout, SSLContext.getDefault(),
                    "Orgbridge/test"), clock);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ScimClient client() {
        return client(Duration.ofSeconds(10), Clock.systemUTC());
    }

    static ScimEndpoint endpoint(ScimTestServer server, ScimAuth auth) {
        return new ScimEndpoint(TargetUrl.parse(server.baseUrl(), LOCAL_TESTS), auth);
    }

    /** The server of the test with the bearer token it expects. */
    static ScimEndpoint endpoint(ScimTestServer server) {
        return endpoint(server, new ScimAuth.Bearer(TOKEN));
    }

    static ScimUser scim(ScimUserSource user) {
        return ScimUserMapping.DEFAULT.map(user);
    }
}
