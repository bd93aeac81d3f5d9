package dev.orgbridge.delivery.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgbridge.core.provisioning.DeliveryOutcome;
import dev.orgbridge.core.provisioning.scim.ScimError;
import dev.orgbridge.delivery.TargetHttp;
import dev.orgbridge.delivery.TargetHttp.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.http.NameValuePair;
import org.apache.http.client.entity.UrlEncodedFormEntity;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.message.BasicNameValuePair;

/**
 * OAuth2 client-credentials tokens, one per set of credentials, reused until shortly before they expire. Only a
 * saving: each node fetches its own, and a token the SCIM server refuses is dropped ({@link #drop}) and fetched anew.
 */
final class TokenCache {

    /** A token is renewed this long before it expires (at half its life if that is shorter): none expires in flight. */
    private static final Duration MARGIN = Duration.ofSeconds(30);
    /** How long a token whose answer has no {@code expires_in} is reused; a 401 renews it sooner. */
    private static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(5);

    private final TargetHttp http;
    private final Clock clock;
    private final Map<ScimAuth.ClientCredentials, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAt) {
    }

    /** The token endpoint gave no token; the result says why, for the operation that needed it. */
    static final class TokenUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ScimResult result;

        TokenUnavailableException(ScimResult result) {
            super(result.error().map(ScimError::describe).orElse(result.outcome().describe()), null, false, false);
            this.result = result;
        }

        ScimResult result() {
            return result;
        }
    }

    TokenCache(TargetHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /**
     * A bearer token for these credentials: the cached one while it lasts, else a new one.
     *
     * @throws TokenUnavailableException when the token endpoint fails or answers without a bearer token
     */
    String token(ScimAuth.ClientCredentials credentials) {
        Instant now = clock.instant();
        Token cached = tokens.get(credentials);
        if (cached != null && now.isBefore(cached.renewAt())) {
            return cached.value();
        }
        Token fresh = fetch(credentials, now);
        tokens.values().removeIf(token -> !now.isBefore(token.renewAt())); // credentials changed or unused: let go
        tokens.put(credentials, fresh);
        return fresh.value();
    }

    /** Forgets the token of these credentials: the next call fetches a new one. */
    void drop(ScimAuth.ClientCredentials credentials) {
        tokens.remove(credentials);
    }

    private Token fetch(ScimAuth.ClientCredentials credentials, Instant now) {
        List<NameValuePair> form = new ArrayList<>();
        form.add(new BasicNameValuePair("grant_type", "client_credentials"));
        credentials.scope().ifPresent(scope -> form.add(new BasicNameValuePair("scope", scope)));
        HttpPost post = new HttpPost(credentials.tokenUrl().uri());
        post.setHeader("Authorization", credentials.tokenEndpointHeader());
        post.setHeader("Accept", "application/json");
        post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
        Reply reply = http.send(credentials.tokenUrl(), post);
        JsonNode answer = ScimJson.read(reply.body());
        if (!(reply.outcome() instanceof DeliveryOutcome.Success)) {
            throw unavailable(reply.outcome(), reply.status(), reply.status() == 0 ? "token endpoint: no answer"
                    : "token endpoint: " + ScimJson.text(answer, "error").orElse("refused")
                            + ScimJson.text(answer, "error_description").map(text -> ": " + text).orElse(""));
        }
        Optional<String> token = ScimJson.text(answer, "access_token");
        boolean bearer = ScimJson.text(answer, "token_type").map("bearer"::equalsIgnoreCase).orElse(true);
        if (token.isEmpty() || !bearer) {
            throw unavailable(new DeliveryOutcome.PermanentFailure(new DeliveryOutcome.HttpStatus(reply.status())),
                    reply.status(), "token endpoint: no bearer access_token in the answer");
        }
        long expiresIn = answer.path("expires_in").asLong(0);
        Duration lifetime = expiresIn > 0 ? Duration.ofSeconds(expiresIn) : UNKNOWN_LIFETIME;
        Duration margin = MARGIN.compareTo(lifetime.dividedBy(2)) < 0 ? MARGIN : lifetime.dividedBy(2);
        return new Token(token.get(), now.plus(lifetime).minus(margin));
    }

    private static TokenUnavailableException unavailable(DeliveryOutcome outcome, int status, String detail) {
        return new TokenUnavailableException(new ScimResult(outcome, ScimResult.Action.FAILED, Optional.empty(),
                Optional.of(ScimError.of(status, null, detail))));
    }
}
