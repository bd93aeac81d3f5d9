package dev.orgbridge.it.harness;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The SaaS app's landing URLs, served on loopback: where the broker sends the browser after a login (OIDC
 * redirect with a code, or a SAML POST). The browser keeps the request, so the app only has to answer.
 * One per test JVM.
 */
public final class AppLanding {

    private static final AppLanding INSTANCE = new AppLanding();

    private final HttpServer server;

    private AppLanding() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the app landing server on loopback", e);
        }
        server.createContext("/", exchange -> {
            byte[] body = "<html><head><title>App</title></head><body>Signed in</body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(null);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    public static AppLanding get() {
        return INSTANCE;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Redirect URI of the OIDC app client. */
    public String oidcCallback() {
        return baseUrl() + "/callback";
    }

    /** Assertion consumer service of the SAML app client. */
    public String samlAcs() {
        return baseUrl() + "/saml/acs";
    }

    boolean isLanding(String url) {
        return url.startsWith(baseUrl() + "/");
    }
}
