package dev.orgbridge.core.provisioning;

import dev.orgbridge.core.provisioning.InvalidTargetUrlException.Reason;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A webhook or SCIM endpoint checked against server-side request forgery. {@link #parse} checks the text when an
 * admin saves the target: {@code https} (or {@code http} when allowed), no credentials or fragment, a host that is a
 * DNS name or an IP literal whose kind the {@link TargetPolicy} permits. IPv4 literals are read in every spelling a
 * resolver might accept (decimal {@code 2130706433}, octal {@code 0177.0.0.1}, hex {@code 0x7f.1}) and IPv6 literals
 * by the IPv4 address they embed, so no spelling slips past; unusual spellings are refused even when their address is
 * allowed.
 *
 * <p>A DNS name can point anywhere and change (DNS rebinding), so the adapter resolves it at send time, passes the
 * addresses to {@link #refusedAddress} and connects only to an address that passed. This class does no DNS itself.
 */
public final class TargetUrl {

    /** Longest URL accepted, in characters. */
    public static final int MAX_LENGTH = 2048;

    /** Names reserved for the local host (RFC 6761): {@code localhost} and its subdomains. */
    private static final String LOCALHOST = "localhost";
    /** Names of cloud metadata services, refused whatever they resolve to. */
    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata.goog", "metadata",
            "instance-data", "instance-data.ec2.internal");

    private final URI uri;
    private final String host;
    private final int port;
    private final TargetPolicy policy;

    private TargetUrl(URI uri, String host, int port, TargetPolicy policy) {
        this.uri = uri;
        this.host = host;
        this.port = port;
        this.policy = policy;
    }

    /** An address the policy refuses, and why. */
    public record RefusedAddress(InetAddress address, AddressKind kind) {
        public RefusedAddress {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(kind, "kind");
        }

        /** The reason as for a URL naming this address. */
        public Reason reason() {
            return Reason.of(kind);
        }
    }

    /**
     * Checks a target URL as an admin typed it.
     *
     * @throws InvalidTargetUrlException with the reason; the message names the host only
     */
    public static TargetUrl parse(String raw, TargetPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw new InvalidTargetUrlException(Reason.EMPTY, null);
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidTargetUrlException(Reason.TOO_LONG, null);
        }
        if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidTargetUrlException(Reason.MALFORMED, null);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidTargetUrlException(Reason.MALFORMED, null);
        }
        if (uri.getScheme() == null || uri.isOpaque()) {
            throw new InvalidTargetUrlException(Reason.MALFORMED, null);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidTargetUrlException(Reason.SCHEME_NOT_ALLOWED, null);
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new InvalidTargetUrlException(Reason.INVALID_HOST, null);
        }
        if (authority.indexOf('@') >= 0) {
            throw new InvalidTargetUrlException(Reason.USER_INFO, null);
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidTargetUrlException(Reason.FRAGMENT, null);
        }

        String hostText;
        String portText;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new InvalidTargetUrlException(Reason.INVALID_HOST, authority);
            }
            hostText = authority.substring(0, close + 1);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new InvalidTargetUrlException(Reason.INVALID_HOST, authority);
            }
            portText = rest.isEmpty() ? "" : rest.substring(1);
        } else {
            int colon = authority.lastIndexOf(':');
            hostText = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? "" : authority.substring(colon + 1);
        }
        String host = hostText.toLowerCase(Locale.ROOT);
        int port = port(portText, scheme, host);

        Host checked = checkHost(host);
        if (!policy.permits(checked.kind)) {
            throw new InvalidTargetUrlException(Reason.of(checked.kind), host);
        }
        if (!checked.canonical) {
            throw new InvalidTargetUrlException(Reason.NON_CANONICAL_ADDRESS, host);
        }
        if (scheme.equals("http") && !policy.allowHttp()) {
            throw new InvalidTargetUrlException(Reason.HTTP_NOT_ALLOWED, host);
        }
        if (uri.getHost() == null) { // a form java.net.URI does not see as a server name: no HTTP client could use it
            throw new InvalidTargetUrlException(Reason.INVALID_HOST, host);
        }
        return new TargetUrl(uri, host, port, policy);
    }

    /**
     * The first of the addresses the host resolved to that the policy refuses, if any. All must pass, since a
     * client may try any of them; connect to an address that passed, not to a second lookup.
     *
     * @throws IllegalArgumentException for an empty list (a name that resolved to nothing is an unknown host)
     */
    public Optional<RefusedAddress> refusedAddress(List<InetAddress> resolved) {
        if (resolved.isEmpty()) {
            throw new IllegalArgumentException("no addresses to check: the host did not resolve");
        }
        for (InetAddress address : resolved) {
            AddressKind kind = IpAddresses.classify(address.getAddress());
            if (!policy.permits(kind)) {
                return Optional.of(new RefusedAddress(address, kind));
            }
        }
        return Optional.empty();
    }

    /** The URL as given (scheme and host in any case). */
    public URI uri() {
        return uri;
    }

    /** The host, lower case; an IPv6 literal in brackets. */
    public String host() {
        return host;
    }

    /** The port, 443 or 80 when none is written. */
    public int port() {
        return port;
    }

    public boolean https() {
        return uri.getScheme().equalsIgnoreCase("https");
    }

    public TargetPolicy policy() {
        return policy;
    }

    /** Scheme, host, port and path, without the query (it may hold a token): safe for logs. */
    public String redacted() {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return (https() ? "https" : "http") + "://" + host + ":" + port + path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetUrl other && uri.equals(other.uri) && policy.equals(other.policy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, policy);
    }

    /** {@link #redacted()}. */
    @Override
    public String toString() {
        return redacted();
    }

    /** A host's kind, and whether it is written the one usual way. */
    private record Host(AddressKind kind, boolean canonical) {
    }

    private static Host checkHost(String host) {
        if (host.startsWith("[")) {
            byte[] address = host.endsWith("]") ? IpAddresses.parseIpv6(host.substring(1, host.length() - 1)) : null;
            if (address == null) {
                throw new InvalidTargetUrlException(Reason.INVALID_HOST, host);
            }
            return new Host(IpAddresses.classify(address), true);
        }
        if (host.isEmpty() || host.length() > 254 || host.indexOf('%') >= 0) {
            throw new InvalidTargetUrlException(Reason.INVALID_HOST, host);
        }
        if (IpAddresses.endsInNumber(host)) {
            byte[] address = IpAddresses.parseIpv4(host);
            if (address == null) {
                throw new InvalidTargetUrlException(Reason.INVALID_HOST, host);
            }
            return new Host(IpAddresses.classify(address), host.equals(IpAddresses.dottedQuad(address)));
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (!isDnsName(name)) {
            throw new InvalidTargetUrlException(Reason.INVALID_HOST, host);
        }
        if (METADATA_NAMES.contains(name)) {
            return new Host(AddressKind.CLOUD_METADATA, true);
        }
        if (name.equals(LOCALHOST) || name.endsWith("." + LOCALHOST)) {
            return new Host(AddressKind.LOOPBACK, true);
        }
        return new Host(AddressKind.PUBLIC, true); // for now: its addresses are checked at send time
    }

    /** Letters, digits and hyphens; labels of 1 to 63, not starting or ending with a hyphen; at most 253 in all. */
    private static boolean isDnsName(String name) {
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")
                    || !label.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static int port(String text, String scheme, String host) {
        if (text.isEmpty()) {
            return scheme.equals("https") ? 443 : 80;
        }
        if (text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidTargetUrlException(Reason.INVALID_PORT, host);
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw new InvalidTargetUrlException(Reason.INVALID_PORT, host);
        }
        return port;
    }
}
