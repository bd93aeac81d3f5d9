package dev.orgbridge.delivery.scim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny OAuth2 token endpoint on loopback (RFC 6749 §4.4, client authentication by HTTP basic §2.3.1): it issues
 * {@code token-1}, {@code token-2}, … to one client, remembers them, and can revoke them all, as an authorization
 * server does when a token is withdrawn before it expires.
 */
final class TokenEndpoint implements AutoCloseable {

    static final String CLIENT_ID = "orgbridge client";
    static final String CLIENT_SECRET = "s3cret:with&odd=chars";

    private final HttpServer http;
    private final long expiresIn;
    private final AtomicInteger issued = new AtomicInteger();
    private final Set<String> valid = ConcurrentHashMap.newKeySet();
    private final List<String> scopes = new CopyOnWriteArrayList<>();

    /** @param expiresIn the {@code expires_in} of each token, in seconds */
    TokenEndpoint(long expiresIn) {
        this.expiresIn = expiresIn;
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/token", this::issue);
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/token";
    }

    /** How many tokens were handed out. */
    int issued() {
        return issued.get();
    }

    /** The scope asked for with each token request ("" when none). */
    List<String> scopes() {
        return List.copyOf(scopes);
    }

    /** Whether an {@code Authorization} header carries a token this endpoint issued and has not revoked. */
    boolean accepts(String header) {
        return header != null && header.startsWith("Bearer ") && valid.contains(header.substring(7));
    }

    void revokeAll() {
        valid.clear();
    }

    @Override
    public void close() {
        http.stop(0);
    }

    private void issue(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!clientAuthenticated(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"unknown client\"}");
            return;
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            answer(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        scopes.add(form.getOrDefault("scope", ""));
        String token = "token-" + issued.incrementAndGet();
        valid.add(token);
        answer(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + expiresIn + "}");
    }

    /** Basic, with id and secret form-encoded before base64, as RFC 6749 §2.3.1 says. */
    private static boolean clientAuthenticated(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon > 0
                && CLIENT_ID.equals(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8))
                && CLIENT_SECRET.equals(URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
