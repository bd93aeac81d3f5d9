package dev.orgbridge.core.domain;

import static dev.orgbridge.core.domain.InvalidEmailException.Reason.EMPTY;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.EMPTY_LABEL;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.EMPTY_LOCAL_PART;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.ILLEGAL_CHARACTER;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.LOCAL_PART_TOO_LONG;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.NO_AT_SIGN;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.SEVERAL_AT_SIGNS;

import dev.orgbridge.core.domain.InvalidEmailException.Reason;
import java.util.Objects;

/**
 * An email address as far as onboarding needs it: a local part kept as written (Unicode NFC, case preserved, since
 * only the receiving server may fold it) and a canonical {@link EmailDomain}.
 *
 * <p>Build one from raw text with {@link #parse(String)}. The constructor applies NFC to the local part and checks it.
 *
 * @param localPart the part before the '@': a dot-atom of 1 to {@value #MAX_LOCAL_PART_LENGTH} characters (RFC 5322
 *                  atext, or any non-ASCII character but whitespace and controls, separated by single dots)
 * @param domain    the part after the '@'
 */
public record EmailAddress(String localPart, EmailDomain domain) {

    /** Longest local part, in Unicode code points (RFC 5321 says 64 octets; SMTPUTF8 mail counts characters). */
    public static final int MAX_LOCAL_PART_LENGTH = 64;
    private static final int MAX_RAW_LOCAL_PART_LENGTH = 4 * MAX_LOCAL_PART_LENGTH;

    public EmailAddress {
        Objects.requireNonNull(localPart, "localPart");
        Objects.requireNonNull(domain, "domain");
        localPart = Chars.nfc(localPart);
        Reason problem = problemWithLocalPart(localPart);
        if (problem != null) {
            throw new InvalidEmailException(problem, localPart);
        }
    }

    /**
     * Parses an address: trims whitespace, requires exactly one '@', applies NFC to the local part and checks it,
     * and parses the domain with {@link EmailDomain#parse}.
     *
     * @throws InvalidEmailException with the reason, for anything else (never another exception)
     */
    public static EmailAddress parse(String raw) {
        if (raw == null) {
            throw new InvalidEmailException(EMPTY, null);
        }
        String s = Chars.trim(raw);
        if (s.isEmpty()) {
            throw new InvalidEmailException(EMPTY, raw);
        }
        int at = s.indexOf('@');
        if (at < 0) {
            throw new InvalidEmailException(NO_AT_SIGN, s);
        }
        if (s.indexOf('@', at + 1) >= 0) {
            throw new InvalidEmailException(SEVERAL_AT_SIGNS, s);
        }
        if (at == 0) {
            throw new InvalidEmailException(EMPTY_LOCAL_PART, s);
        }
        if (at > MAX_RAW_LOCAL_PART_LENGTH) {
            throw new InvalidEmailException(LOCAL_PART_TOO_LONG, s);
        }
        String localPart = Chars.nfc(s.substring(0, at));
        Reason problem = problemWithLocalPart(localPart);
        if (problem != null) {
            throw new InvalidEmailException(problem, s);
        }
        if (at == s.length() - 1) {
            throw new InvalidEmailException(EMPTY_LABEL, s);
        }
        return new EmailAddress(localPart, EmailDomain.parseTrimmed(s.substring(at + 1)));
    }

    /** {@code localPart@domain} with the domain in its canonical ASCII form. */
    @Override
    public String toString() {
        return localPart + '@' + domain.ascii();
    }

    private static Reason problemWithLocalPart(String localPart) {
        if (localPart.isEmpty()) {
            return EMPTY_LOCAL_PART;
        }
        if (localPart.length() > MAX_LOCAL_PART_LENGTH
                && localPart.codePointCount(0, localPart.length()) > MAX_LOCAL_PART_LENGTH) {
            return LOCAL_PART_TOO_LONG;
        }
        if (localPart.indexOf('@') >= 0) {
            return SEVERAL_AT_SIGNS;
        }
        if (Chars.hasSpaceControlOrLoneSurrogate(localPart) || !isDotAtom(localPart)) {
            return ILLEGAL_CHARACTER;
        }
        return null;
    }

    /**
     * RFC 5322 dot-atom, widened to non-ASCII characters as RFC 6531 does: atext characters separated by single
     * dots. Quoted local parts and specials such as {@code <>()[]:;,\"} are refused; no mail system of a company
     * directory issues them, and they are the characters of markup and injection.
     */
    private static boolean isDotAtom(String localPart) {
        if (localPart.charAt(0) == '.' || localPart.charAt(localPart.length() - 1) == '.'
                || localPart.contains("..")) {
            return false;
        }
        for (int i = 0; i < localPart.length(); i++) {
            char c = localPart.charAt(i);
            if (c < 0x80 && c != '.' && !isAsciiAtext(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiAtext(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
    }
}
