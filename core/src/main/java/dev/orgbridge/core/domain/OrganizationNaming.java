package dev.orgbridge.core.domain;

import java.util.Objects;
import java.util.Optional;

/** Name and alias of an organization created for a new domain. */
public final class OrganizationNaming {

    /** Longest organization name and alias Keycloak stores. */
    public static final int MAX_LENGTH = 255;

    private OrganizationNaming() {
    }

    /**
     * The identity provider's organization claim, cleaned up: Unicode NFC, whitespace runs (line breaks and tabs
     * included) turned into one space, other control characters removed, trimmed, cut to {@value #MAX_LENGTH}
     * characters (never inside a surrogate pair). If nothing is left, or there was no claim, the domain's Unicode form
     * ({@code bücher.de}).
     */
    public static String name(Optional<String> claim, EmailDomain domain) {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(domain, "domain");
        return claim.map(OrganizationNaming::clean).filter(name -> !name.isEmpty()).orElseGet(domain::unicode);
    }

    /** The domain's ASCII form with dots as dashes: {@code acme.com → acme-com}, at most {@value #MAX_LENGTH} characters. */
    public static String alias(EmailDomain domain) {
        String alias = domain.ascii().replace('.', '-');
        return alias.length() <= MAX_LENGTH ? alias : alias.substring(0, MAX_LENGTH);
    }

    private static String clean(String claim) {
        String text = Chars.nfc(claim);
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 1));
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Chars.isSpace(cp)) {
                pendingSpace = out.length() > 0;
            } else if (!Chars.isControl(cp) && Character.getType(cp) != Character.SURROGATE) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                if (out.length() + Character.charCount(cp) > MAX_LENGTH) {
                    break;
                }
                out.appendCodePoint(cp);
            }
        }
        return Chars.trim(out.toString());
    }
}
