package dev.orgbridge.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orgbridge.core.provisioning.DeliveryOutcome;
import dev.orgbridge.core.provisioning.DeliveryOutcome.TransportFailure;
import dev.orgbridge.core.provisioning.TargetPolicy;
import dev.orgbridge.core.provisioning.TargetUrl;
import dev.orgbridge.core.provisioning.WebhookSecret;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A receiver on loopback, written the way a downstream app writes one (it verifies signatures with the Standard
 * Webhooks reference library), and a receiver that misbehaves: each answer becomes the right delivery outcome.
 */
class WebhookSenderTest {

    private static final WebhookSecret SECRET = WebhookSecret.generate(new Random(7));
    private static final TargetPolicy LOCAL_TESTS = new TargetPolicy(true, false, true);
    private static final byte[] BODY = "{\"type\":\"user.created\",\"data\":{\"user\":{\"id\":\"u1\"}}}"
            .getBytes(StandardCharsets.UTF_8);

    private final List<String> verified = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private WebhookSender sender;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", this::verifyAndAccept);
        receiver.createContext("/busy", exchange -> answer(exchange, 429, Map.of("Retry-After", "7")));
        receiver.createContext("/down", exchange -> answer(exchange, 503, Map.of()));
        receiver.createContext("/broken", exchange -> answer(exchange, 500, Map.of()));
        receiver.createContext("/gone", exchange -> answer(exchange, 410, Map.of()));
        receiver.createContext("/moved", exchange -> answer(exchange, 302, Map.of("Location", "http://169.254.169.254/")));
        receiver.createContext("/hangs", exchange -> {
            sleep(3_000);
            answer(exchange, 200, Map.of());
        });
        receiver.start();
        sender = new WebhookSender(Duration.ofSeconds(1), Duration.ofMillis(500), SSLContext.getDefault(),
                "Orgbridge/test");
    }

    @AfterEach
    void stop() throws IOException {
        sender.close();
        receiver.stop(0);
    }

    @Test
    void aReceiverVerifyingWithTheReferenceLibraryAcceptsTheWebhook() {
        DeliveryOutcome outcome = send("/hooks");

        assertEquals(new DeliveryOutcome.Success(204), outcome);
        assertEquals(List.of("msg_1"), verified);
    }

    @Test
    void busyAndFailingReceiversAreRetriedHonouringRetryAfter() {
        assertEquals(new DeliveryOutcome.Retry(new DeliveryOutcome.HttpStatus(429), Optional.of(Duration.ofSeconds(7))),
                send("/busy"));
        assertEquals(new DeliveryOutcome.Retry(new DeliveryOutcome.HttpStatus(503), Optional.empty()), send("/down"));
        assertEquals(new DeliveryOutcome.Retry(new DeliveryOutcome.HttpStatus(500), Optional.empty()),
                send("/broken"));
    }

    @Test
    void aRefusalIsPermanentAndARedirectIsNeverFollowed() {
        assertInstanceOf(DeliveryOutcome.PermanentFailure.class, send("/gone"));
        assertEquals(new DeliveryOutcome.PermanentFailure(new DeliveryOutcome.HttpStatus(302)), send("/moved"));
    }

    @Test
    void aReceiverThatHangsTimesOutInsteadOfHoldingTheSender() {
        long started = System.nanoTime();

        DeliveryOutcome outcome = send("/hangs");

        assertEquals(new DeliveryOutcome.Retry(TransportFailure.READ_TIMEOUT, Optional.empty()), outcome);
        assertEquals(true, Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(2)) < 0);
    }

    @Test
    void aReceiverThatIsDownIsRetried() {
        TargetUrl down = TargetUrl.parse("http://127.0.0.1:" + LocalNetwork.closedPort() + "/hooks", LOCAL_TESTS);

        assertEquals(new DeliveryOutcome.Retry(TransportFailure.CONNECTION_REFUSED, Optional.empty()),
                sender.send(down, SECRET, "msg_1", BODY, Instant.now()));
    }

    @Test
    void aHostResolvingToAnAddressThePolicyRefusesIsNeverContacted() {
        // this machine's own name passes the URL check (a name), then resolves to a private or loopback address,
        // which the strict policy refuses: the check happens on the resolved addresses, at send time
        TargetUrl sneaky = TargetUrl.parse("https://" + LocalNetwork.ownNameResolvingHere() + ":"
                + receiver.getAddress().getPort() + "/hooks", TargetPolicy.STRICT);

        assertEquals(new DeliveryOutcome.PermanentFailure(TransportFailure.ADDRESS_REFUSED),
                sender.send(sneaky, SECRET, "msg_1", BODY, Instant.now()));
        assertEquals(List.of(), verified);
    }

    private DeliveryOutcome send(String path) {
        TargetUrl target = TargetUrl.parse("http://127.0.0.1:" + receiver.getAddress().getPort() + path,
                LOCAL_TESTS);
        return sender.send(target, SECRET, "msg_1", BODY, Instant.now());
    }

    private void verifyAndAccept(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            new Webhook(SECRET.encoded()).verify(body, exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT),
                            Map.Entry::getValue)));
            verified.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            answer(exchange, 204, Map.of());
        } catch (Exception e) {
            answer(exchange, 401, Map.of());
        }
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> headers) throws IOException {
        exchange.getRequestBody().readAllBytes();
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
