package dev.orgbridge.delivery;

import dev.orgbridge.core.provisioning.DeliveryOutcome;
import dev.orgbridge.core.provisioning.TargetUrl;
import dev.orgbridge.core.provisioning.WebhookSecret;
import dev.orgbridge.core.provisioning.WebhookSignature;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;

/**
 * Sends one signed webhook (Standard Webhooks headers) and classifies what happened, over {@link TargetHttp}
 * (timeouts, no redirects, resolved addresses checked against the target's policy).
 */
public final class WebhookSender implements AutoCloseable {

    private final TargetHttp http;

    /**
     * @param ssl       the TLS context (Keycloak's truststore in the server; the JDK's default in tests)
     * @param userAgent e.g. {@code Orgbridge/0.1.0}
     */
    public WebhookSender(Duration connectTimeout, Duration readTimeout, SSLContext ssl, String userAgent) {
        this.http = new TargetHttp(connectTimeout, readTimeout, ssl, userAgent);
    }

    /** POSTs the body to the target, signed with the secret; {@code now} is the signature's timestamp. */
    public DeliveryOutcome send(TargetUrl target, WebhookSecret secret, String messageId, byte[] body, Instant now) {
        WebhookSignature.Headers signed = WebhookSignature.sign(secret, messageId, now, body);
        HttpPost post = new HttpPost(target.uri());
        post.setHeader(WebhookSignature.ID_HEADER, signed.id());
        post.setHeader(WebhookSignature.TIMESTAMP_HEADER, signed.timestampValue());
        post.setHeader(WebhookSignature.SIGNATURE_HEADER, signed.signature());
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        return http.send(target, post).outcome();
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
