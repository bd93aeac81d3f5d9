package dev.orgbridge.delivery.scim;

import dev.orgbridge.core.provisioning.TargetUrl;
import java.util.Objects;

/**
 * A SCIM server: its base URL ({@code https://app.example.com/scim/v2}, where {@code /Users} and {@code /Groups} live)
 * and how to authenticate to it. Safe to log: the URL without its query, the credentials without their secrets.
 */
public record ScimEndpoint(TargetUrl baseUrl, ScimAuth auth) {

    public ScimEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(auth, "auth");
        if (baseUrl.uri().getRawQuery() != null) {
            throw new IllegalArgumentException("a SCIM base URL has no query");
        }
    }
}
