package dev.orgbridge.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * No spelling of 169.254.169.254 or 127.0.0.1 gets through a policy that does not allow it: decimal, octal, hex,
 * one to four parts, padding zeros, upper-case X, a trailing dot, or inside an IPv6 literal.
 */
class IpSpellingPropertiesTest {

    private static final long METADATA = 0xa9fea9feL; // 169.254.169.254
    private static final long LOOPBACK = 0x7f000001L;  // 127.0.0.1

    /** One number in one of the bases inet_aton reads. */
    private static Arbitrary<String> spell(long value) {
        return Arbitraries.integers().between(0, 5).map(style -> switch (style) {
            case 0 -> Long.toString(value);
            case 1 -> "0" + Long.toOctalString(value);
            case 2 -> "00" + Long.toOctalString(value);
            case 3 -> "0x" + Long.toHexString(value);
            case 4 -> "0X" + Long.toHexString(value).toUpperCase(Locale.ROOT);
            default -> "0x00" + Long.toHexString(value);
        });
    }

    /** {@code address} in 1 to 4 parts, the last part holding the remaining bytes, each part in its own base. */
    private static Arbitrary<String> ipv4Spelling(long address) {
        return Arbitraries.integers().between(1, 4).flatMap(parts -> {
            List<Arbitrary<String>> pieces = new ArrayList<>();
            for (int i = 0; i < parts - 1; i++) {
                pieces.add(spell(address >> (8 * (3 - i)) & 0xff));
            }
            long rest = address & (parts == 1 ? 0xffff_ffffL : (1L << (8 * (5 - parts))) - 1);
            pieces.add(spell(rest));
            return Combinators.combine(pieces).as(list -> String.join(".", list))
                    .flatMap(host -> Arbitraries.of(host, host + "."));
        });
    }

    private static Arbitrary<String> ipv6Spelling(long address) {
        String dotted = (address >> 24 & 0xff) + "." + (address >> 16 & 0xff) + "." + (address >> 8 & 0xff) + "."
                + (address & 0xff);
        String high = Long.toHexString(address >> 16 & 0xffff);
        String low = Long.toHexString(address & 0xffff);
        return Arbitraries.of(
                "::ffff:" + dotted, "::FFFF:" + high + ":" + low, "0:0:0:0:0:ffff:" + dotted,
                "0000:0000:0000:0000:0000:ffff:" + high + ":" + low, "::" + dotted, "::" + high + ":" + low,
                "64:ff9b::" + dotted, "64:ff9b::" + high + ":" + low, "::ffff:0:" + dotted,
                "2002:" + high + ":" + low + "::", "2002:" + high + ":" + low + ":1::5")
                .map(text -> "[" + text + "]");
    }

    @Provide
    Arbitrary<String> metadataHosts() {
        return Arbitraries.oneOf(ipv4Spelling(METADATA), ipv6Spelling(METADATA));
    }

    @Provide
    Arbitrary<String> loopbackHosts() {
        return Arbitraries.oneOf(ipv4Spelling(LOOPBACK), ipv6Spelling(LOOPBACK));
    }

    @Provide
    Arbitrary<String> ipv4OfMetadata() {
        return ipv4Spelling(METADATA);
    }

    @Property(tries = 3_000)
    void noSpellingOfTheMetadataAddressGetsThrough(@ForAll("metadataHosts") String host) {
        for (TargetPolicy policy : List.of(TargetPolicy.STRICT, new TargetPolicy(true, true, true))) {
            assertRefused("http://" + host + "/latest/meta-data/", policy, InvalidTargetUrlException.Reason.CLOUD_METADATA);
        }
    }

    @Property(tries = 3_000)
    void noSpellingOfLoopbackGetsThroughWithoutAllowLoopback(@ForAll("loopbackHosts") String host) {
        assertRefused("https://" + host + ":8080/", new TargetPolicy(true, true, false),
                InvalidTargetUrlException.Reason.LOOPBACK_ADDRESS);
    }

    @Property(tries = 1_000)
    void everyIpv4SpellingReadsAsTheSameAddress(@ForAll("ipv4OfMetadata") String host) {
        assertArrayEquals(new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254}, IpAddresses.parseIpv4(host));
    }

    @Property(tries = 1_000)
    void aTextualLoopbackWithLoopbackAllowedIsStillRefusedUnlessCanonical(@ForAll("loopbackHosts") String host) {
        TargetPolicy all = new TargetPolicy(true, true, true);
        try {
            TargetUrl target = TargetUrl.parse("http://" + host + "/", all);
            assertEquals(true, host.equals("127.0.0.1") || host.startsWith("["), target.host());
        } catch (InvalidTargetUrlException e) {
            assertEquals(InvalidTargetUrlException.Reason.NON_CANONICAL_ADDRESS, e.reason(), host);
        }
    }

    private static void assertRefused(String url, TargetPolicy policy, InvalidTargetUrlException.Reason reason) {
        try {
            TargetUrl target = TargetUrl.parse(url, policy);
            fail("let through: " + url + " as " + target.host());
        } catch (InvalidTargetUrlException e) {
            assertEquals(reason, e.reason(), url);
            assertNotEquals(null, e.getMessage());
        }
    }
}
