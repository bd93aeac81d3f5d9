package dev.orgbridge.delivery;

import dev.orgbridge.core.provisioning.DeliveryOutcome;
import dev.orgbridge.core.provisioning.DeliveryOutcome.TransportFailure;
import dev.orgbridge.core.provisioning.TargetUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.DnsResolver;
import org.apache.http.conn.HttpHostConnectException;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.SystemDefaultDnsResolver;

/**
 * The HTTP plumbing of every call to a provisioning target (webhooks, SCIM, an OAuth2 token endpoint), over the Apache
 * HTTP client Keycloak ships. Every call has explicit connect and read timeouts; redirects are not followed; the
 * target's host is resolved once, every address checked against the target's policy (SSRF, DNS rebinding), and the
 * connection goes to exactly those addresses. Never on a login thread: the delivery worker calls it.
 */
public final class TargetHttp implements AutoCloseable {

    /**
     * Connections kept open to one host: more than the worker's call threads on any sensible setting (Apache's
     * default of 5 would cap the calls in flight to one target, and make a thread waiting for a connection fail
     * after the connect timeout).
     */
    static final int MAX_CONNECTIONS_PER_HOST = 32;
    /** The most of an answer's body that is read; a longer one is cut (SCIM and token answers are far smaller). */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final CloseableHttpClient http;

    /**
     * @param ssl       the TLS context (Keycloak's truststore in the server; the JDK's default in tests)
     * @param userAgent e.g. {@code Orgbridge/0.1.0}
     */
    public TargetHttp(Duration connectTimeout, Duration readTimeout, SSLContext ssl, String userAgent) {
        RequestConfig timeouts = RequestConfig.custom()
                .setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()))
                .setConnectionRequestTimeout(Math.toIntExact(connectTimeout.toMillis()))
                .setSocketTimeout(Math.toIntExact(readTimeout.toMillis()))
                .setRedirectsEnabled(false)
                .build();
        this.http = HttpClients.custom()
                .setDefaultRequestConfig(timeouts)
                .setSSLContext(ssl)
                .setDnsResolver(new CheckedDnsResolver())
                .setUserAgent(userAgent)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .useSystemProperties()
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_HOST)
                .setMaxConnTotal(4 * MAX_CONNECTIONS_PER_HOST)
                .build();
    }

    /**
     * What one exchange came to: the classified outcome, and the status and body when the target answered.
     *
     * @param status 0 when no answer came
     * @param body   at most {@link #MAX_BODY_BYTES} of it; empty when none came
     */
    public record Reply(DeliveryOutcome outcome, int status, byte[] body) {

        static Reply failed(TransportFailure failure) {
            return new Reply(DeliveryOutcome.ofFailure(failure), 0, new byte[0]);
        }
    }

    /** Sends the request (its URI on the target's host) and reads the answer. */
    public Reply send(TargetUrl target, HttpUriRequest request) {
        HttpClientContext context = HttpClientContext.create();
        // Pooled connections are reused only by requests under the same policy: a connection a permissive target
        // opened to an address a stricter target with the same host name may not use is never handed to the latter.
        context.setUserToken(target.policy());
        CheckedDnsResolver.TARGET.set(target);
        try (CloseableHttpResponse response = http.execute(request, context)) {
            Header retryAfter = response.getFirstHeader("Retry-After");
            int status = response.getStatusLine().getStatusCode();
            byte[] body = read(response.getEntity());
            return new Reply(DeliveryOutcome.ofResponse(status, retryAfter == null ? null : retryAfter.getValue(),
                    Instant.now()), status, body);
        } catch (IOException e) {
            return Reply.failed(failure(e));
        } finally {
            CheckedDnsResolver.TARGET.remove();
        }
    }

    /**
     * The body up to the limit. A body read to its end frees the connection for the pool; a longer one is left unread,
     * and closing the response then drops the connection instead of reading the rest.
     */
    private static byte[] read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        InputStream in = entity.getContent();
        byte[] body = in.readNBytes(MAX_BODY_BYTES);
        if (in.read() < 0) {
            in.close();
        }
        return body;
    }

    private static TransportFailure failure(IOException e) {
        if (e instanceof AddressRefusedException) {
            return TransportFailure.ADDRESS_REFUSED;
        }
        if (e instanceof ConnectTimeoutException) {
            return TransportFailure.CONNECT_TIMEOUT;
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return TransportFailure.READ_TIMEOUT;
        }
        if (e instanceof HttpHostConnectException || e instanceof ConnectException) {
            return TransportFailure.CONNECTION_REFUSED;
        }
        if (e instanceof UnknownHostException) {
            return TransportFailure.UNKNOWN_HOST;
        }
        if (e instanceof SSLException) {
            return TransportFailure.TLS_FAILURE;
        }
        return TransportFailure.CONNECTION_RESET;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    /** A host that resolved to an address its target's policy refuses. */
    static final class AddressRefusedException extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        AddressRefusedException(String host) {
            super(host + " resolves to an address the target may not use");
        }
    }

    /**
     * Resolves the host of the request being sent and refuses it when any address is one the target's policy does
     * not allow; the client then connects only to the addresses checked here.
     */
    private static final class CheckedDnsResolver implements DnsResolver {
        static final ThreadLocal<TargetUrl> TARGET = new ThreadLocal<>();

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
            TargetUrl target = TARGET.get();
            if (target == null || target.refusedAddress(List.of(addresses)).isPresent()) {
                throw new AddressRefusedException(host);
            }
            return addresses;
        }
    }
}
