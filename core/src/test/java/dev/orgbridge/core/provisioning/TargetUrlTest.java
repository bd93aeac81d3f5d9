package dev.orgbridge.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.provisioning.InvalidTargetUrlException.Reason;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TargetUrlTest {

    private static final TargetPolicy STRICT = TargetPolicy.STRICT;
    private static final TargetPolicy ALL = new TargetPolicy(true, true, true);
    private static final TargetPolicy PRIVATE = new TargetPolicy(false, true, false);
    private static final TargetPolicy LOOPBACK_HTTP = new TargetPolicy(true, false, true);

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments("https://hooks.acme.com/orgbridge", STRICT, "hooks.acme.com", 443),
                arguments("HTTPS://Hooks.ACME.com:8443/x?token=abc", STRICT, "hooks.acme.com", 8443),
                arguments("https://hooks.acme.com./x", STRICT, "hooks.acme.com.", 443),
                arguments("https://xn--bcher-kva.de/scim/v2", STRICT, "xn--bcher-kva.de", 443),
                arguments("https://93.184.215.14/hook", STRICT, "93.184.215.14", 443),
                arguments("https://[2606:4700::6810:84e5]/hook", STRICT, "[2606:4700::6810:84e5]", 443),
                arguments("https://[2606:4700::6810:84e5]:8443/hook", STRICT, "[2606:4700::6810:84e5]", 8443),
                arguments("https://10.1.2.3/scim", PRIVATE, "10.1.2.3", 443),
                arguments("https://172.31.255.255/scim", PRIVATE, "172.31.255.255", 443),
                arguments("https://192.168.0.10/scim", PRIVATE, "192.168.0.10", 443),
                arguments("https://100.64.0.1/scim", PRIVATE, "100.64.0.1", 443),
                arguments("https://[fd12:3456::1]/scim", PRIVATE, "[fd12:3456::1]", 443),
                arguments("http://localhost:8080/realms/target/scim/v2", LOOPBACK_HTTP, "localhost", 8080),
                arguments("http://127.0.0.1:8080/", LOOPBACK_HTTP, "127.0.0.1", 8080),
                arguments("http://[::1]:8080/", LOOPBACK_HTTP, "[::1]", 8080),
                arguments("http://0.0.0.0:8080/", LOOPBACK_HTTP, "0.0.0.0", 8080),
                arguments("http://hooks.acme.com/", ALL, "hooks.acme.com", 80),
                arguments("  https://hooks.acme.com  ", STRICT, "hooks.acme.com", 443));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("accepted")
    void acceptsTargetsThePolicyAllows(String url, TargetPolicy policy, String host, int port) {
        TargetUrl target = TargetUrl.parse(url, policy);
        assertEquals(host, target.host());
        assertEquals(port, target.port());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                // the text
                arguments(null, ALL, Reason.EMPTY),
                arguments(" ", ALL, Reason.EMPTY),
                arguments("https://a.com/" + "x".repeat(2100), ALL, Reason.TOO_LONG),
                arguments("https://hooks acme.com/", ALL, Reason.MALFORMED),
                arguments("https://bücher.de/", ALL, Reason.MALFORMED),
                arguments("https://１２７.０.０.１/", ALL, Reason.MALFORMED),  // full-width digits fold to 127.0.0.1
                arguments("hooks.acme.com/x", ALL, Reason.MALFORMED),
                arguments("https:hooks.acme.com", ALL, Reason.MALFORMED),
                arguments("ftp://hooks.acme.com/", ALL, Reason.SCHEME_NOT_ALLOWED),
                arguments("file:///etc/passwd", ALL, Reason.SCHEME_NOT_ALLOWED),
                arguments("gopher://127.0.0.1:25/", ALL, Reason.SCHEME_NOT_ALLOWED),
                arguments("http://hooks.acme.com/", STRICT, Reason.HTTP_NOT_ALLOWED),
                arguments("https://user:pw@hooks.acme.com/", ALL, Reason.USER_INFO),
                arguments("https://hooks.acme.com@169.254.169.254/", ALL, Reason.USER_INFO),
                arguments("https://hooks.acme.com/#x", ALL, Reason.FRAGMENT),
                arguments("https:///path", ALL, Reason.INVALID_HOST),
                arguments("https://hooks_acme.com/", ALL, Reason.INVALID_HOST),
                arguments("https://-acme.com/", ALL, Reason.INVALID_HOST),
                arguments("https://%31%32%37.0.0.1/", ALL, Reason.INVALID_HOST),  // percent-encoded 127
                arguments("https://[fe80::1%25eth0]/", ALL, Reason.INVALID_HOST),  // zone id
                arguments("https://[::1/", ALL, Reason.MALFORMED),
                arguments("https://[1:2:3:4:5:6:7:8:9]/", ALL, Reason.MALFORMED),
                arguments("https://1.2.3.256/", ALL, Reason.INVALID_HOST),
                arguments("https://1.2.3.4.5/", ALL, Reason.INVALID_HOST),
                arguments("https://acme.09/", ALL, Reason.INVALID_HOST),           // 09 is no octal number
                arguments("https://hooks.acme.com:0/", ALL, Reason.INVALID_PORT),
                arguments("https://hooks.acme.com:65536/", ALL, Reason.INVALID_PORT),
                // link-local and cloud metadata: never
                arguments("https://169.254.169.254/latest/meta-data/", ALL, Reason.CLOUD_METADATA),
                arguments("https://169.254.170.2/v2/credentials", ALL, Reason.CLOUD_METADATA),
                arguments("https://100.100.100.200/latest/meta-data", ALL, Reason.CLOUD_METADATA),
                arguments("https://[fd00:ec2::254]/latest/meta-data/", ALL, Reason.CLOUD_METADATA),
                arguments("https://metadata.google.internal/computeMetadata/v1/", ALL, Reason.CLOUD_METADATA),
                arguments("https://METADATA.google.internal./", ALL, Reason.CLOUD_METADATA),
                arguments("https://metadata/", ALL, Reason.CLOUD_METADATA),
                arguments("https://169.254.1.1/", ALL, Reason.LINK_LOCAL_ADDRESS),
                arguments("https://[fe80::1]/", ALL, Reason.LINK_LOCAL_ADDRESS),
                arguments("https://[febf:ffff::1]/", ALL, Reason.LINK_LOCAL_ADDRESS),
                arguments("https://224.0.0.1/", ALL, Reason.NOT_UNICAST_ADDRESS),
                arguments("https://255.255.255.255/", ALL, Reason.NOT_UNICAST_ADDRESS),
                arguments("https://[ff02::1]/", ALL, Reason.NOT_UNICAST_ADDRESS),
                // private and loopback: only when allowed
                arguments("https://10.0.0.1/", STRICT, Reason.PRIVATE_ADDRESS),
                arguments("https://172.16.0.1/", STRICT, Reason.PRIVATE_ADDRESS),
                arguments("https://192.168.1.1/", STRICT, Reason.PRIVATE_ADDRESS),
                arguments("https://100.64.0.1/", STRICT, Reason.PRIVATE_ADDRESS),
                arguments("https://[fc00::1]/", STRICT, Reason.PRIVATE_ADDRESS),
                arguments("https://[fdff::1]/", STRICT, Reason.PRIVATE_ADDRESS),
                arguments("https://127.0.0.1/", PRIVATE, Reason.LOOPBACK_ADDRESS),
                arguments("https://127.1.2.3/", PRIVATE, Reason.LOOPBACK_ADDRESS),
                arguments("https://[::1]/", PRIVATE, Reason.LOOPBACK_ADDRESS),
                arguments("https://0.0.0.0/", PRIVATE, Reason.LOOPBACK_ADDRESS),
                arguments("https://[::]/", PRIVATE, Reason.LOOPBACK_ADDRESS),
                arguments("https://localhost/", PRIVATE, Reason.LOOPBACK_ADDRESS),
                arguments("https://api.localhost/", PRIVATE, Reason.LOOPBACK_ADDRESS),
                arguments("https://10.0.0.1/", LOOPBACK_HTTP, Reason.PRIVATE_ADDRESS),
                // other spellings are judged by their address, and refused anyway
                arguments("https://2852039166/", ALL, Reason.CLOUD_METADATA),           // decimal
                arguments("https://0xa9fea9fe/", ALL, Reason.CLOUD_METADATA),           // hex
                arguments("https://0251.0376.0251.0376/", ALL, Reason.CLOUD_METADATA),  // octal
                arguments("https://169.254.43518/", ALL, Reason.CLOUD_METADATA),        // three parts
                arguments("https://169.254.169.254./", ALL, Reason.CLOUD_METADATA),     // trailing dot
                arguments("https://[::ffff:169.254.169.254]/", ALL, Reason.CLOUD_METADATA),
                arguments("https://[::ffff:a9fe:a9fe]/", ALL, Reason.CLOUD_METADATA),
                arguments("https://[64:ff9b::a9fe:a9fe]/", ALL, Reason.CLOUD_METADATA),  // NAT64
                arguments("https://[2002:a9fe:a9fe::1]/", ALL, Reason.CLOUD_METADATA),  // 6to4
                arguments("https://2130706433/", PRIVATE, Reason.LOOPBACK_ADDRESS),
                arguments("https://0x7f.1/", PRIVATE, Reason.LOOPBACK_ADDRESS),
                arguments("https://0177.0.0.1/", PRIVATE, Reason.LOOPBACK_ADDRESS),
                arguments("https://127.1/", PRIVATE, Reason.LOOPBACK_ADDRESS),
                arguments("https://0/", PRIVATE, Reason.LOOPBACK_ADDRESS),
                arguments("https://[::ffff:127.0.0.1]/", PRIVATE, Reason.LOOPBACK_ADDRESS),
                arguments("https://[0:0:0:0:0:ffff:7f00:1]/", PRIVATE, Reason.LOOPBACK_ADDRESS),
                arguments("https://[::127.0.0.1]/", PRIVATE, Reason.LOOPBACK_ADDRESS),
                arguments("https://[::ffff:10.0.0.1]/", STRICT, Reason.PRIVATE_ADDRESS),
                arguments("https://012.0.0.1/", STRICT, Reason.PRIVATE_ADDRESS),        // octal 10.0.0.1
                arguments("https://2130706433/", ALL, Reason.NON_CANONICAL_ADDRESS),    // allowed, but write 127.0.0.1
                arguments("https://010.0.0.1/", ALL, Reason.NON_CANONICAL_ADDRESS),    // 8.0.0.1 or 10.0.0.1?
                arguments("https://1572395042/", ALL, Reason.NON_CANONICAL_ADDRESS));  // a public address, still
    }

    @ParameterizedTest(name = "{0} with {1} → {2}")
    @MethodSource("refused")
    void refusesWhatCouldReachInsideAndSaysWhy(String url, TargetPolicy policy, Reason reason) {
        InvalidTargetUrlException e = assertThrows(InvalidTargetUrlException.class, () -> TargetUrl.parse(url, policy));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().startsWith("the target URL "), e.getMessage());
        assertFalse(e.getMessage().contains("pw"), e.getMessage());
    }

    static Stream<Arguments> resolved() {
        return Stream.of(
                arguments(STRICT, List.of("93.184.215.14"), Optional.empty()),
                arguments(STRICT, List.of("93.184.215.14", "2606:4700::6810:84e5"), Optional.empty()),
                arguments(STRICT, List.of("93.184.215.14", "10.0.0.7"), Optional.of(AddressKind.PRIVATE)),
                arguments(PRIVATE, List.of("93.184.215.14", "10.0.0.7"), Optional.empty()),
                arguments(STRICT, List.of("127.0.0.1"), Optional.of(AddressKind.LOOPBACK)),
                arguments(ALL, List.of("169.254.169.254"), Optional.of(AddressKind.CLOUD_METADATA)),
                arguments(ALL, List.of("fd00:ec2:0:0:0:0:0:254"), Optional.of(AddressKind.CLOUD_METADATA)),
                arguments(ALL, List.of("fe80::abcd"), Optional.of(AddressKind.LINK_LOCAL)),
                arguments(ALL, List.of("::ffff:169.254.169.254"), Optional.of(AddressKind.CLOUD_METADATA)),
                arguments(PRIVATE, List.of("::1"), Optional.of(AddressKind.LOOPBACK)),
                arguments(STRICT, List.of("fc00::5"), Optional.of(AddressKind.PRIVATE)));
    }

    /** DNS rebinding: the name passed when saved; its addresses are checked again at every send. */
    @ParameterizedTest(name = "{1} with {0} → {2}")
    @MethodSource("resolved")
    void checksTheAddressesANameResolvedTo(TargetPolicy policy, List<String> addresses,
            Optional<AddressKind> refusedKind) throws UnknownHostException {
        TargetUrl target = TargetUrl.parse("https://hooks.acme.com/x", policy);
        List<InetAddress> literal = addresses.stream().map(TargetUrlTest::literal).toList();
        assertEquals(refusedKind, target.refusedAddress(literal).map(TargetUrl.RefusedAddress::kind));
    }

    @Test
    void anEmptyResolutionIsNoPass() {
        TargetUrl target = TargetUrl.parse("https://hooks.acme.com/x", STRICT);
        assertThrows(IllegalArgumentException.class, () -> target.refusedAddress(List.of()));
    }

    @Test
    void logTextLeavesTheQueryOut() {
        TargetUrl target = TargetUrl.parse("https://Hooks.acme.com/in/orgbridge?token=s3cr3t", STRICT);
        assertEquals("https://hooks.acme.com:443/in/orgbridge", target.toString());
        assertEquals("token=s3cr3t", target.uri().getRawQuery());
    }

    /** An IP literal as an InetAddress; literals never reach DNS. */
    private static InetAddress literal(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }
}
