package dev.orgbridge.delivery;

import dev.orgbridge.core.provisioning.DeliveryOutcome;
import dev.orgbridge.core.provisioning.DeliveryOutcome.TransportFailure;
import dev.orgbridge.core.provisioning.TargetUrl;
import dev.orgbridge.core.provisioning.WebhookSecret;
import dev.orgbridge.core.provisioning.WebhookSignature;
import java.io.IOException;
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
import org.apache.http.HttpResponse;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.DnsResolver;
import org.apache.http.conn.HttpHostConnectException;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.SystemDefaultDnsResolver;
import org.apache.http.util.EntityUtils;

/**
 * Sends one signed webhook (Standard Webhooks headers) and classifies what happened. Never on a login thread: the
 * delivery worker calls it. Every call has explicit connect and read timeouts; redirects are not followed; the
 * target's host is resolved once, every address checked against the target's policy (SSRF, DNS rebinding), and the
 * connection goes to exactly those addresses.
 */
public final class WebhookSender implements AutoCloseable {

    private final CloseableHttpClient http;
    private final String userAgent;

    /**
     * @param ssl       the TLS context (Keycloak's truststore in the server; the JDK's default in tests)
     * @param userAgent e.g. {@code Orgbridge/0.1.0}
     */
    public WebhookSender(Duration connectTimeout, Duration readTimeout, SSLContext ssl, String userAgent) {
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
                .disableAutomaticRetries()
                .disableCookieManagement()
                .useSystemProperties()
                .build();
        this.userAgent = userAgent;
    }

    /** POSTs the body to the target, signed with the secret; {@code now} is the signature's timestamp. */
    public DeliveryOutcome send(TargetUrl target, WebhookSecret secret, String messageId, byte[] body, Instant now) {
        WebhookSignature.Headers signed = WebhookSignature.sign(secret, messageId, now, body);
        HttpPost post = new HttpPost(target.uri());
        post.setHeader(WebhookSignature.ID_HEADER, signed.id());
        post.setHeader(WebhookSignature.TIMESTAMP_HEADER, signed.timestampValue());
        post.setHeader(WebhookSignature.SIGNATURE_HEADER, signed.signature());
        post.setHeader("User-Agent", userAgent);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        CheckedDnsResolver.TARGET.set(target);
        try {
            HttpResponse response = http.execute(post);
            try {
                Header retryAfter = response.getFirstHeader("Retry-After");
                return DeliveryOutcome.ofResponse(response.getStatusLine().getStatusCode(),
                        retryAfter == null ? null : retryAfter.getValue(), Instant.now());
            } finally {
                EntityUtils.consumeQuietly(response.getEntity());
            }
        } catch (IOException e) {
            return DeliveryOutcome.ofFailure(failure(e));
        } finally {
            CheckedDnsResolver.TARGET.remove();
        }
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
