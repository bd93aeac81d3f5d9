package dev.orgbridge.core.domain;

import java.util.Objects;

/**
 * Why an email address, domain or domain pattern was refused. The only exception the parsers of this package throw.
 *
 * <p>The message is short and safe to log: it names the {@linkplain #reason() reason} and shows at most the first
 * {@value #PREVIEW_LENGTH} characters of the input, with everything but printable ASCII escaped as a backslash-u escape
 * (so no line breaks, terminal controls or bidirectional overrides reach a log).
 */
public final class InvalidEmailException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How many characters of the input a message shows at most. */
    public static final int PREVIEW_LENGTH = 32;

    /** What is wrong, as a stable, machine-readable value (also carried by {@code EmailCheck.Malformed}). */
    public enum Reason {
        EMPTY("empty input"),
        NO_AT_SIGN("no '@' sign"),
        SEVERAL_AT_SIGNS("more than one '@' sign"),
        EMPTY_LOCAL_PART("nothing before the '@' sign"),
        LOCAL_PART_TOO_LONG("more than 64 characters before the '@' sign"),
        EMPTY_LABEL("empty domain, or an empty label in it (leading dot or two dots in a row)"),
        LABEL_TOO_LONG("a domain label longer than 63 characters"),
        DOMAIN_TOO_LONG("a domain longer than 253 characters"),
        ILLEGAL_CHARACTER("illegal character: a domain label takes a-z, 0-9 and '-' (not first or last),"
                + " and no part takes whitespace or control characters"),
        SINGLE_LABEL_DOMAIN("a domain needs at least two labels, as in acme.com"),
        INVALID_IDN("an internationalised domain name that does not convert to ASCII (IDNA)");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        /** A short English sentence fragment explaining the reason, for logs and admin messages. */
        public String description() {
            return description;
        }
    }

    private final Reason reason;

    public InvalidEmailException(Reason reason, String input) {
        super("Invalid email address or domain: " + Objects.requireNonNull(reason, "reason").description()
                + " (input " + preview(input) + ")");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The input as a message shows it: quoted, truncated to {@value #PREVIEW_LENGTH} characters, escaped. */
    static String preview(String input) {
        if (input == null) {
            return "null";
        }
        int shown = Math.min(input.length(), PREVIEW_LENGTH);
        StringBuilder out = new StringBuilder(shown + 24).append('"');
        for (int i = 0; i < shown; i++) {
            char c = input.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        out.append('"');
        if (input.length() > shown) {
            out.append("... (").append(input.length()).append(" characters)");
        }
        return out.toString();
    }
}
