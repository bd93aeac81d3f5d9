package dev.orgbridge.core.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * IP literals and their {@link AddressKind}, without any DNS: the SSRF guard's arithmetic. IPv4 hosts are read the
 * way {@code inet_aton} and browsers read them (1 to 4 parts, each decimal, octal with a leading 0, or hex with 0x),
 * because some resolver on the way may; IPv6 addresses that embed an IPv4 address (mapped, compatible, NAT64, 6to4)
 * are judged by the embedded one.
 */
final class IpAddresses {

    private IpAddresses() {
    }

    /** Whether a host name's last label is a number, so that it must be an IPv4 address (the WHATWG URL rule). */
    static boolean endsInNumber(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = name.substring(name.lastIndexOf('.') + 1);
        if (last.isEmpty()) {
            return false;
        }
        if (last.startsWith("0x") || last.startsWith("0X")) {
            return last.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
        }
        return last.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The four bytes of an IPv4 host in any spelling {@code inet_aton} accepts (one trailing dot too), or null. */
    static byte[] parseIpv4(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = name.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = number(parts[i]);
            if (values[i] < 0 || (i < parts.length - 1 && values[i] > 255)) {
                return null;
            }
        }
        long last = values[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            return null;
        }
        long address = last;
        for (int i = 0; i < parts.length - 1; i++) {
            address |= values[i] << (8 * (3 - i));
        }
        return new byte[] {(byte) (address >> 24), (byte) (address >> 16), (byte) (address >> 8), (byte) address};
    }

    /** The canonical dotted-quad form, {@code 127.0.0.1}. */
    static String dottedQuad(byte[] ipv4) {
        return (ipv4[0] & 0xff) + "." + (ipv4[1] & 0xff) + "." + (ipv4[2] & 0xff) + "." + (ipv4[3] & 0xff);
    }

    /** A part of an IPv4 host: 0x… hex, 0… octal, else decimal; -1 when none or above 2^32. */
    private static long number(String part) {
        int radix = 10;
        String digits = part;
        if (part.startsWith("0x") || part.startsWith("0X")) {
            radix = 16;
            digits = part.substring(2);
            if (digits.isEmpty()) {
                return 0; // "0x" alone is zero, as browsers read it
            }
        } else if (part.length() > 1 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 40) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), radix);
            if (digit < 0) {
                return -1;
            }
            value = value * radix + digit;
            if (value > 0xffff_ffffL) {
                return -1;
            }
        }
        return value;
    }

    /**
     * The sixteen bytes of an IPv6 literal (without brackets; {@code ::} compression and a trailing dotted IPv4
     * allowed; no zone id), or null.
     */
    static byte[] parseIpv6(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.length() > 45 || s.indexOf('%') >= 0) {
            return null;
        }
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<Integer> head = groups(gap < 0 ? s : s.substring(0, gap), gap < 0);
        List<Integer> tail = gap < 0 ? List.of() : groups(s.substring(gap + 2), true);
        if (head == null || tail == null) {
            return null;
        }
        int count = head.size() + tail.size();
        if (gap < 0 ? count != 8 : count > 7) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            put(bytes, i, head.get(i));
        }
        for (int i = 0; i < tail.size(); i++) {
            put(bytes, 8 - tail.size() + i, tail.get(i));
        }
        return bytes;
    }

    /** 16-bit groups separated by ':'; the last may be a dotted IPv4 (two groups) when {@code endsAddress}. */
    private static List<Integer> groups(String part, boolean endsAddress) {
        List<Integer> groups = new ArrayList<>();
        if (part.isEmpty()) {
            return groups;
        }
        String[] fields = part.split(":", -1);
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i];
            if (field.indexOf('.') >= 0) {
                byte[] v4 = endsAddress && i == fields.length - 1 ? strictDottedQuad(field) : null;
                if (v4 == null) {
                    return null;
                }
                groups.add((v4[0] & 0xff) << 8 | (v4[1] & 0xff));
                groups.add((v4[2] & 0xff) << 8 | (v4[3] & 0xff));
            } else {
                if (field.isEmpty() || field.length() > 4) {
                    return null;
                }
                int value = 0;
                for (int k = 0; k < field.length(); k++) {
                    int digit = Character.digit(field.charAt(k), 16);
                    if (digit < 0) {
                        return null;
                    }
                    value = value << 4 | digit;
                }
                groups.add(value);
            }
        }
        return groups;
    }

    /** Four decimal parts of 0–255 without leading zeros: the only IPv4 form inside IPv6. */
    private static byte[] strictDottedQuad(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')
                    || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int value = Integer.parseInt(p);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static void put(byte[] bytes, int group, int value) {
        bytes[2 * group] = (byte) (value >> 8);
        bytes[2 * group + 1] = (byte) value;
    }

    /** The kind of a 4- or 16-byte address. */
    static AddressKind classify(byte[] address) {
        if (address.length == 4) {
            return classifyIpv4(u(address, 0), u(address, 1), u(address, 2), u(address, 3));
        }
        if (address.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + address.length);
        }
        return classifyIpv6(address);
    }

    private static AddressKind classifyIpv4(int a, int b, int c, int d) {
        if ((a == 169 && b == 254 && c == 169 && d == 254) || (a == 169 && b == 254 && c == 170 && d == 2)
                || (a == 100 && b == 100 && c == 100 && d == 200)) {
            return AddressKind.CLOUD_METADATA;
        }
        if (a == 0) {
            return AddressKind.UNSPECIFIED;
        }
        if (a == 127) {
            return AddressKind.LOOPBACK;
        }
        if (a == 169 && b == 254) {
            return AddressKind.LINK_LOCAL;
        }
        if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) || (a == 100 && b >= 64 && b <= 127)) {
            return AddressKind.PRIVATE;
        }
        if (a >= 224) {
            return AddressKind.NOT_UNICAST;
        }
        return AddressKind.PUBLIC;
    }

    private static AddressKind classifyIpv6(byte[] b) {
        boolean zeroTo10 = allZero(b, 0, 10);
        boolean firstTwelveZero = zeroTo10 && u(b, 10) == 0 && u(b, 11) == 0;
        if (firstTwelveZero && allZero(b, 12, 15)) {
            return u(b, 15) == 0 ? AddressKind.UNSPECIFIED : u(b, 15) == 1 ? AddressKind.LOOPBACK : embedded(b, 12);
        }
        if (firstTwelveZero // ::a.b.c.d, IPv4-compatible (deprecated)
                || (zeroTo10 && u(b, 10) == 0xff && u(b, 11) == 0xff) // ::ffff:a.b.c.d, IPv4-mapped
                || (allZero(b, 0, 8) && u(b, 8) == 0xff && u(b, 9) == 0xff && u(b, 10) == 0 && u(b, 11) == 0)
                || (u(b, 0) == 0 && u(b, 1) == 0x64 && u(b, 2) == 0xff && u(b, 3) == 0x9b && allZero(b, 4, 12))) {
            // ::ffff:0:a.b.c.d (translated) and 64:ff9b::a.b.c.d (NAT64) too
            return embedded(b, 12);
        }
        if (u(b, 0) == 0x20 && u(b, 1) == 0x02) { // 2002:aabb:ccdd::/48, 6to4
            return embedded(b, 2);
        }
        if (u(b, 0) == 0xfd && u(b, 1) == 0x00 && u(b, 2) == 0x0e && u(b, 3) == 0xc2 && allZero(b, 4, 14)
                && u(b, 14) == 0x02 && u(b, 15) == 0x54) { // fd00:ec2::254
            return AddressKind.CLOUD_METADATA;
        }
        if (u(b, 0) == 0xfe && (u(b, 1) & 0xc0) == 0x80) {
            return AddressKind.LINK_LOCAL;
        }
        if ((u(b, 0) & 0xfe) == 0xfc || (u(b, 0) == 0xfe && (u(b, 1) & 0xc0) == 0xc0)) {
            return AddressKind.PRIVATE; // fc00::/7 unique local, fec0::/10 site-local (deprecated)
        }
        if (u(b, 0) == 0xff) {
            return AddressKind.NOT_UNICAST;
        }
        return AddressKind.PUBLIC;
    }

    private static AddressKind embedded(byte[] b, int from) {
        return classifyIpv4(u(b, from), u(b, from + 1), u(b, from + 2), u(b, from + 3));
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int u(byte[] b, int i) {
        return b[i] & 0xff;
    }
}
