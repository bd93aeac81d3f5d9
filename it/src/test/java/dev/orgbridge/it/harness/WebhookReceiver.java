package dev.orgbridge.it.harness;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.keycloak.util.JsonSerialization;

/**
 * The downstream app's webhook endpoint, on loopback: verifies each delivery's signature with the Standard Webhooks
 * reference library (written by others), records it, and answers as the test says: 204, an error status (with a
 * Retry-After), or not at all for a while; it can also stop listening (connections refused) and listen again on the
 * same port.
 */
public final class WebhookReceiver implements AutoCloseable {

    public static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    /** One delivery as received. */
    public record Delivery(String id, Instant receivedAt, boolean signatureValid, int answeredWith,
                           Map<String, Object> body) {

        public String type() {
            return (String) body.get("type");
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> data() {
            return (Map<String, Object>) body.get("data");
        }

        /** {@code data.user.username}, or null. */
        public String username() {
            return user("username");
        }

        /** {@code data.user.id}, or null. */
        public String userId() {
            return user("id");
        }

        private String user(String member) {
            Object user = data().get("user");
            return user instanceof Map<?, ?> map ? (String) map.get(member) : null;
        }
    }

    /** How the receiver answers: status, Retry-After (or null), and how long it stalls first. */
    public record Answer(int status, String retryAfter, Duration stall) {
        public static final Answer OK = new Answer(204, null, Duration.ZERO);

        public static Answer status(int status) {
            return new Answer(status, null, Duration.ZERO);
        }
    }

    private final Webhook verifier;
    private final int port;
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private volatile HttpServer server;
    /** In order of arrival; a queue, not a copy-on-write list: load harnesses send it 100,000 deliveries. */
    private final ConcurrentLinkedQueue<Delivery> received = new ConcurrentLinkedQueue<>();
    private volatile Answer answer = Answer.OK;

    public WebhookReceiver() {
        try {
            verifier = new Webhook(SECRET);
        } catch (Exception e) {
            throw new IllegalStateException("the reference library refuses the test secret", e);
        }
        server = listen(0);
        port = server.getAddress().getPort();
    }

    private HttpServer listen(int on) {
        HttpServer listening;
        try {
            listening = HttpServer.create(new InetSocketAddress("127.0.0.1", on), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        listening.createContext("/hooks", this::handle);
        listening.setExecutor(workers);
        listening.start();
        return listening;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    /** Stops listening: connections to the URL are refused until {@link #listenAgain()}. */
    public void stopListening() {
        server.stop(0);
    }

    /** Listens again on the same port. */
    public void listenAgain() {
        server = listen(port);
    }

    /** From now on, answer like this. */
    public void answer(Answer next) {
        answer = next;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Answer now = answer;
        boolean valid;
        try {
            verifier.verify(new String(body, StandardCharsets.UTF_8),
                    HttpHeaders.of(exchange.getRequestHeaders(), (name, value) -> true));
            valid = true;
        } catch (Exception e) {
            valid = false;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> json = JsonSerialization.readValue(body, Map.class);
        received.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"), Instant.now(), valid,
                now.status(), json));
        try {
            Thread.sleep(now.stall().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (now.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", now.retryAfter());
        }
        exchange.sendResponseHeaders(now.status(), -1);
        exchange.close();
    }

    /** Everything received so far, in order of arrival. */
    public List<Delivery> received() {
        return new ArrayList<>(received);
    }

    /** Deliveries about the user with this username, in order of arrival. */
    public List<Delivery> about(String username) {
        return received.stream().filter(d -> username.equals(d.username())).toList();
    }

    /** Waits up to {@code timeout} until the deliveries matching {@code which} satisfy {@code until}. */
    public List<Delivery> await(Predicate<Delivery> which, Predicate<List<Delivery>> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Delivery> matching = received.stream().filter(which).toList();
            if (until.test(matching) || System.nanoTime() > deadline) {
                return matching;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return matching;
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
