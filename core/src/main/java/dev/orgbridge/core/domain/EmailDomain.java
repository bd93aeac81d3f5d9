package dev.orgbridge.core.domain;

import static dev.orgbridge.core.domain.InvalidEmailException.Reason.DOMAIN_TOO_LONG;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.EMPTY;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.EMPTY_LABEL;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.ILLEGAL_CHARACTER;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.INVALID_IDN;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.LABEL_TOO_LONG;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.SINGLE_LABEL_DOMAIN;

import dev.orgbridge.core.domain.InvalidEmailException.Reason;
import java.net.IDN;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The domain of an email address in its one canonical form: lower-case ASCII, IDN labels as punycode
 * ({@code xn--…}), no trailing dot. Two spellings of the same name (case, Unicode NFC/NFD, a trailing dot, Unicode
 * or punycode) give equal values.
 *
 * <p>Build one from raw text with {@link #parse(String)}. The constructor accepts only the canonical form and
 * throws {@link InvalidEmailException} for anything else, so every instance is valid.
 *
 * @param ascii the canonical ASCII form, e.g. {@code xn--bcher-kva.de}
 */
public record EmailDomain(String ascii) {

    /** Longest domain, in ASCII characters, without the trailing dot (RFC 1035 / RFC 5321). */
    public static final int MAX_LENGTH = 253;
    /** Longest label, in ASCII characters (RFC 1035). */
    public static final int MAX_LABEL_LENGTH = 63;

    /**
     * Raw input above this length is refused before any Unicode work: no normalisation brings it back under
     * {@link #MAX_LENGTH}, and bounding it keeps normalisation and punycode (super-linear in the worst case) cheap.
     */
    static final int MAX_RAW_LENGTH = 4 * MAX_LENGTH;
    private static final int MAX_RAW_LABEL_LENGTH = 4 * MAX_LABEL_LENGTH;
    private static final String ACE_PREFIX = "xn--";

    public EmailDomain {
        Objects.requireNonNull(ascii, "ascii");
        Reason problem = problemWithCanonical(ascii);
        if (problem != null) {
            throw new InvalidEmailException(problem, ascii);
        }
    }

    /**
     * Parses and normalises a domain: trims whitespace, applies Unicode NFC, lower-cases, treats the ideographic
     * and full-width full stops as dots, strips one trailing dot, converts labels with non-ASCII characters to
     * punycode with {@link IDN#toASCII(String, int)} (IDNA 2003, which also case-folds them), then checks the result.
     *
     * @throws InvalidEmailException with the reason, for anything that is not a valid domain of two labels or more
     */
    public static EmailDomain parse(String raw) {
        if (raw == null) {
            throw new InvalidEmailException(EMPTY, null);
        }
        String trimmed = Chars.trim(raw);
        if (trimmed.isEmpty()) {
            throw new InvalidEmailException(EMPTY, raw);
        }
        return parseTrimmed(trimmed);
    }

    /** {@link #parse} for text already trimmed and not empty (the part after an address's '@'). */
    static EmailDomain parseTrimmed(String s) {
        if (s.length() > MAX_RAW_LENGTH) {
            throw new InvalidEmailException(DOMAIN_TOO_LONG, s);
        }
        String ascii = Chars.isAscii(s) ? withoutTrailingDot(Chars.lowerAscii(s)) : toAscii(s);
        if (ascii.isEmpty()) {
            throw new InvalidEmailException(EMPTY_LABEL, s); // the input was just a dot
        }
        return new EmailDomain(ascii);
    }

    /** The labels, left to right: {@code [mail, acme, com]}. */
    public List<String> labels() {
        return List.of(ascii.split("\\.", -1));
    }

    /** The domain one level up, {@code a.b.c → b.c}; empty for a two-label domain (no single-label parents). */
    public Optional<EmailDomain> parent() {
        int dot = ascii.indexOf('.');
        String rest = ascii.substring(dot + 1);
        return rest.indexOf('.') < 0 ? Optional.empty() : Optional.of(new EmailDomain(rest));
    }

    /** Whether this is {@code other} or one of its subdomains, label-wise ({@code evilacme.com} is not under {@code acme.com}). */
    public boolean isSameOrSubdomainOf(EmailDomain other) {
        return isSameOrSubdomain(ascii, other.ascii);
    }

    /** The domain for display: punycode labels shown as Unicode ({@code xn--bcher-kva.de → bücher.de}). */
    public String unicode() {
        return ascii.contains(ACE_PREFIX) ? IDN.toUnicode(ascii, 0) : ascii;
    }

    /** The canonical ASCII form. */
    @Override
    public String toString() {
        return ascii;
    }

    static boolean isSameOrSubdomain(String domain, String base) {
        int extra = domain.length() - base.length();
        if (extra == 0) {
            return domain.equals(base);
        }
        return extra > 1 && domain.endsWith(base) && domain.charAt(extra - 1) == '.';
    }

    private static String withoutTrailingDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Unicode path of {@link #parse}: NFC, dots, trailing dot, then each label to ASCII on its own. */
    private static String toAscii(String s) {
        String text = Chars.nfc(s)
                .replace('\u3002', '.')   // ideographic full stop
                .replace('\uFF0E', '.')   // full-width full stop
                .replace('\uFF61', '.');  // half-width ideographic full stop
        text = withoutTrailingDot(text);
        if (text.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int start = 0;
        while (true) {
            int dot = text.indexOf('.', start);
            String label = text.substring(start, dot < 0 ? text.length() : dot);
            if (label.isEmpty()) {
                throw new InvalidEmailException(EMPTY_LABEL, s);
            }
            out.append(Chars.isAscii(label) ? Chars.lowerAscii(label) : labelToAscii(label, s));
            if (dot < 0) {
                return out.toString();
            }
            out.append('.');
            start = dot + 1;
        }
    }

    private static String labelToAscii(String label, String input) {
        if (label.length() > MAX_RAW_LABEL_LENGTH) {
            throw new InvalidEmailException(LABEL_TOO_LONG, input);
        }
        if (Chars.hasSpaceControlOrLoneSurrogate(label)) {
            throw new InvalidEmailException(ILLEGAL_CHARACTER, input);
        }
        String ace;
        try {
            ace = IDN.toASCII(label, 0);
        } catch (RuntimeException e) { // IllegalArgumentException as documented; anything else is no valid IDN either
            throw new InvalidEmailException(INVALID_IDN, input);
        }
        if (ace.indexOf('.') >= 0) {
            // A compatibility character (e.g. U+2024 ONE DOT LEADER) folded into a dot: it must not split a label.
            throw new InvalidEmailException(ILLEGAL_CHARACTER, input);
        }
        return Chars.lowerAscii(ace);
    }

    /** What is wrong with a would-be canonical form, or {@code null} if it is one. */
    private static Reason problemWithCanonical(String s) {
        int length = s.length();
        if (length == 0) {
            return EMPTY;
        }
        if (length > MAX_LENGTH) {
            return DOMAIN_TOO_LONG;
        }
        int labels = 0;
        int labelStart = 0;
        boolean punycode = false;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? s.charAt(i) : '.';
            if (c == '.') {
                int labelLength = i - labelStart;
                if (labelLength == 0) {
                    return EMPTY_LABEL;
                }
                if (labelLength > MAX_LABEL_LENGTH) {
                    return LABEL_TOO_LONG;
                }
                if (s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
                    return ILLEGAL_CHARACTER;
                }
                punycode |= s.startsWith(ACE_PREFIX, labelStart);
                labels++;
                labelStart = i + 1;
            } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return ILLEGAL_CHARACTER;
            }
        }
        if (labels < 2) {
            return SINGLE_LABEL_DOMAIN;
        }
        return punycode && !punycodeLabelsRoundTrip(s) ? INVALID_IDN : null;
    }

    /**
     * Whether every {@code xn--} label decodes and encodes back to itself, so that there is exactly one ASCII form
     * per Unicode name and {@link #unicode()} parses back to this domain.
     */
    private static boolean punycodeLabelsRoundTrip(String s) {
        for (String label : s.split("\\.")) {
            if (!label.startsWith(ACE_PREFIX)) {
                continue;
            }
            try {
                String unicode = IDN.toUnicode(label, 0);
                // toUnicode answers its input unchanged when it cannot decode it.
                if (unicode.equals(label) || !IDN.toASCII(unicode, 0).equals(label)) {
                    return false;
                }
            } catch (RuntimeException e) {
                return false;
            }
        }
        return true;
    }
}
