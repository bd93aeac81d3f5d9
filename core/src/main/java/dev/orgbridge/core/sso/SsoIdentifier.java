package dev.orgbridge.core.sso;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * A user's SSO identifier, such as {@code ABC123} or {@code jsmith@acme.com}: what the customer's IdP sends as the
 * SAML NameID (or an OIDC claim). Two identifiers are the same when their {@link #key()}s are: surrounding whitespace
 * trimmed, Unicode NFC, lower case in {@link Locale#ROOT}. The {@link #value()} keeps the case the admin typed.
 */
public final class SsoIdentifier {

    /** Longest identifier, in characters (code points); Keycloak's attribute values allow 255. */
    public static final int MAX_LENGTH = 255;

    private final String value;
    private final String key;

    private SsoIdentifier(String value) {
        this.value = value;
        this.key = value.toLowerCase(Locale.ROOT);
    }

    /** Parses what an admin, a file or an IdP gave; throws {@link InvalidSsoIdentifierException} and nothing else. */
    public static SsoIdentifier parse(String raw) {
        String value = Normalizer.normalize(Objects.requireNonNullElse(raw, "").strip(), Normalizer.Form.NFC);
        if (value.isEmpty()) {
            throw new InvalidSsoIdentifierException(InvalidSsoIdentifierException.Reason.EMPTY);
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidSsoIdentifierException(InvalidSsoIdentifierException.Reason.CONTROL_CHARACTERS);
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidSsoIdentifierException(InvalidSsoIdentifierException.Reason.TOO_LONG);
        }
        return new SsoIdentifier(value);
    }

    /** As given, trimmed and NFC: what the user profile shows. */
    public String value() {
        return value;
    }

    /** What uniqueness and login matching compare: lower case of the NFC value. */
    public String key() {
        return key;
    }

    /** Whether an IdP's NameID names this identifier (ignoring case). */
    public boolean matches(SsoIdentifier other) {
        return key.equals(other.key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SsoIdentifier other && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
