package dev.orgbridge.delivery.scim;

import dev.orgbridge.core.provisioning.Required;
import dev.orgbridge.core.provisioning.TargetUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * How Orgbridge authenticates to a SCIM server. Secrets are kept only here, already resolved from the vault, and
 * {@link #toString()} never shows them.
 */
public sealed interface ScimAuth {

    /** A fixed bearer token (RFC 6750), as most SCIM servers hand out. */
    record Bearer(String token) implements ScimAuth {
        public Bearer {
            Required.text(token, "token");
        }

        @Override
        public String toString() {
            return "Bearer[token=…]";
        }
    }

    /** HTTP basic authentication (RFC 7617). */
    record Basic(String username, String password) implements ScimAuth {
        public Basic {
            Required.text(username, "username");
            Required.text(password, "password");
        }

        /** The {@code Authorization} header value. */
        String header() {
            return basic(username, password);
        }

        @Override
        public String toString() {
            return "Basic[username=" + username + ", password=…]";
        }
    }

    /**
     * OAuth2 client credentials (RFC 6749 §4.4): the client authenticates to the token endpoint with HTTP basic and
     * sends the token it gets as a bearer token; the token is reused until shortly before it expires.
     *
     * @param tokenUrl the token endpoint, checked with the same SSRF policy as the SCIM base URL
     * @param scope    the scope to ask for, if any
     */
    record ClientCredentials(TargetUrl tokenUrl, String clientId, String clientSecret, Optional<String> scope)
            implements ScimAuth {
        public ClientCredentials {
            Objects.requireNonNull(tokenUrl, "tokenUrl");
            Required.text(clientId, "clientId");
            Required.text(clientSecret, "clientSecret");
            Objects.requireNonNull(scope, "scope");
        }

        /**
         * The {@code Authorization} header for the token endpoint: id and secret form-encoded first, as RFC 6749
         * §2.3.1 asks, then HTTP basic.
         */
        String tokenEndpointHeader() {
            return basic(URLEncoder.encode(clientId, StandardCharsets.UTF_8),
                    URLEncoder.encode(clientSecret, StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "ClientCredentials[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", clientSecret=…"
                    + scope.map(s -> ", scope=" + s).orElse("") + "]";
        }
    }

    /** {@code Basic base64(user:password)}, the user and password as UTF-8. */
    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
