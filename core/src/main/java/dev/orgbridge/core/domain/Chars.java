package dev.orgbridge.core.domain;

import java.text.Normalizer;

/** Character-level helpers shared by the parsers. Allocation-free on the common (ASCII, already trimmed) path. */
final class Chars {

    private Chars() {
    }

    /** Whitespace as the parsers trim it: Java whitespace plus Unicode space separators (no-break spaces included). */
    static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /** Control characters (Unicode category Cc), which no part of an address may contain. */
    static boolean isControl(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL;
    }

    /** {@code s} without leading and trailing {@link #isSpace spaces}; {@code s} itself when there are none. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** ASCII-only lower-casing (the same as {@code toLowerCase(Locale.ROOT)} on ASCII); {@code s} itself if unchanged. */
    static String lowerAscii(String s) {
        int first = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return s;
        }
        char[] chars = s.toCharArray();
        for (int i = first; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    /** Unicode NFC; pure ASCII is already NFC and is returned as it is without a normaliser pass. */
    static String nfc(String s) {
        if (isAscii(s) || Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
            return s;
        }
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /**
     * Whether {@code s} holds a character no address part may contain: whitespace, a control character, or half of a
     * surrogate pair on its own (not text at all).
     */
    static boolean hasSpaceControlOrLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isSpace(cp) || isControl(cp) || Character.getType(cp) == Character.SURROGATE) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
