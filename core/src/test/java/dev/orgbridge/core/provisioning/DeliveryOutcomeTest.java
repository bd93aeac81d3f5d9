package dev.orgbridge.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.provisioning.DeliveryOutcome.HttpStatus;
import dev.orgbridge.core.provisioning.DeliveryOutcome.PermanentFailure;
import dev.orgbridge.core.provisioning.DeliveryOutcome.Retry;
import dev.orgbridge.core.provisioning.DeliveryOutcome.Success;
import dev.orgbridge.core.provisioning.DeliveryOutcome.TransportFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeliveryOutcomeTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static Stream<Arguments> responses() {
        return Stream.of(
                arguments(200, null, new Success(200)),
                arguments(201, null, new Success(201)),
                arguments(204, "30", new Success(204)),
                arguments(299, null, new Success(299)),
                arguments(408, "30", new Retry(new HttpStatus(408), Optional.empty())),
                arguments(429, null, new Retry(new HttpStatus(429), Optional.empty())),
                arguments(429, "30", new Retry(new HttpStatus(429), Optional.of(Duration.ofSeconds(30)))),
                arguments(429, "Thu, 01 Jan 2026 00:02:00 GMT",
                        new Retry(new HttpStatus(429), Optional.of(Duration.ofMinutes(2)))),
                arguments(503, "120", new Retry(new HttpStatus(503), Optional.of(Duration.ofMinutes(2)))),
                arguments(503, "soon", new Retry(new HttpStatus(503), Optional.empty())),
                arguments(500, "120", new Retry(new HttpStatus(500), Optional.empty())), // Retry-After only on 429, 503
                arguments(502, null, new Retry(new HttpStatus(502), Optional.empty())),
                arguments(504, null, new Retry(new HttpStatus(504), Optional.empty())),
                arguments(599, null, new Retry(new HttpStatus(599), Optional.empty())),
                arguments(400, null, new PermanentFailure(new HttpStatus(400))),
                arguments(401, null, new PermanentFailure(new HttpStatus(401))),
                arguments(403, null, new PermanentFailure(new HttpStatus(403))),
                arguments(404, null, new PermanentFailure(new HttpStatus(404))),
                arguments(409, null, new PermanentFailure(new HttpStatus(409))),
                arguments(410, null, new PermanentFailure(new HttpStatus(410))),
                arguments(413, null, new PermanentFailure(new HttpStatus(413))),
                arguments(422, null, new PermanentFailure(new HttpStatus(422))),
                arguments(301, null, new PermanentFailure(new HttpStatus(301))), // redirects are not followed
                arguments(307, null, new PermanentFailure(new HttpStatus(307))),
                arguments(100, null, new PermanentFailure(new HttpStatus(100))),
                arguments(600, null, new PermanentFailure(new HttpStatus(600))),
                arguments(0, null, new PermanentFailure(new HttpStatus(0))));
    }

    @ParameterizedTest(name = "HTTP {0}, Retry-After {1} → {2}")
    @MethodSource("responses")
    void classifiesAnswers(int status, String retryAfter, DeliveryOutcome expected) {
        assertEquals(expected, DeliveryOutcome.ofResponse(status, retryAfter, NOW));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                arguments(TransportFailure.CONNECT_TIMEOUT, true, "connect timeout"),
                arguments(TransportFailure.READ_TIMEOUT, true, "read timeout"),
                arguments(TransportFailure.CONNECTION_REFUSED, true, "connection refused"),
                arguments(TransportFailure.CONNECTION_RESET, true, "connection reset"),
                arguments(TransportFailure.UNKNOWN_HOST, true, "unknown host"),
                arguments(TransportFailure.TLS_FAILURE, true, "tls failure"),
                arguments(TransportFailure.ADDRESS_REFUSED, false, "address refused"),
                arguments(TransportFailure.MAIL_NOT_SENT, true, "mail not sent"),
                arguments(TransportFailure.MAIL_NOT_CONFIGURED, false, "mail not configured"));
    }

    @ParameterizedTest(name = "{0} → retry {1}")
    @MethodSource("failures")
    void classifiesAttemptsWithoutAnAnswer(TransportFailure failure, boolean retry, String words) {
        DeliveryOutcome outcome = DeliveryOutcome.ofFailure(failure);
        assertEquals(retry ? new Retry(failure, Optional.empty()) : new PermanentFailure(failure), outcome);
        assertEquals(words, outcome.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void describesAnswersByStatusOnly(int status, String retryAfter, DeliveryOutcome expected) {
        assertEquals("HTTP " + status, expected.describe());
    }
}
