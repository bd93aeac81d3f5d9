package dev.orgbridge.core.provisioning;

import java.util.Locale;

/**
 * A target URL Orgbridge will not call; {@link #reason()} says why. The message names the reason and the host, never
 * the path or query (they may hold a token).
 */
public final class InvalidTargetUrlException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Why a URL is refused as a target. */
    public enum Reason {
        EMPTY("is empty"),
        TOO_LONG("is longer than " + TargetUrl.MAX_LENGTH + " characters"),
        MALFORMED("is not an absolute URL of printable ASCII (write an international host name in punycode)"),
        SCHEME_NOT_ALLOWED("is neither https nor http"),
        HTTP_NOT_ALLOWED("uses http, which this target's policy does not allow"),
        USER_INFO("holds a user name or password (use the target's credential settings)"),
        FRAGMENT("has a #fragment"),
        INVALID_HOST("has no valid host name or IP address"),
        INVALID_PORT("has a port outside 1-65535"),
        NON_CANONICAL_ADDRESS("writes an IPv4 address in an unusual form (write it as a.b.c.d)"),
        PRIVATE_ADDRESS("points to a private network, which this target's policy does not allow"),
        LOOPBACK_ADDRESS("points to this host, which this target's policy does not allow"),
        LINK_LOCAL_ADDRESS("points to a link-local address, which is never allowed"),
        CLOUD_METADATA("points to a cloud metadata service, which is never allowed"),
        NOT_UNICAST_ADDRESS("points to a multicast, broadcast or reserved address, which is never allowed");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** The reason an address of this kind is refused. */
        static Reason of(AddressKind kind) {
            return switch (kind) {
                case PRIVATE -> PRIVATE_ADDRESS;
                case LOOPBACK, UNSPECIFIED -> LOOPBACK_ADDRESS;
                case LINK_LOCAL -> LINK_LOCAL_ADDRESS;
                case CLOUD_METADATA -> CLOUD_METADATA;
                case NOT_UNICAST -> NOT_UNICAST_ADDRESS;
                case PUBLIC -> throw new IllegalArgumentException("a public address is not refused");
            };
        }
    }

    private final Reason reason;

    InvalidTargetUrlException(Reason reason, String host) {
        super("the target URL " + (host == null ? "" : "(host " + printable(host) + ") ") + reason.text);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The reason as a lower-case key, e.g. {@code cloud_metadata}, for events and the admin API. */
    public String code() {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    private static String printable(String host) {
        String cut = host.length() > 80 ? host.substring(0, 80) + "…" : host;
        return cut.replaceAll("[^\\x21-\\x7e]", "?");
    }
}
