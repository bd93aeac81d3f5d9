package dev.orgbridge.core.sso;

import java.util.Locale;

/** An SSO identifier that cannot be one; {@link #reason()} says why, for messages and events. */
public final class InvalidSsoIdentifierException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Why a value is not an SSO identifier. */
    public enum Reason {
        /** Nothing left after trimming. */
        EMPTY,
        /** More than {@value SsoIdentifier#MAX_LENGTH} characters. */
        TOO_LONG,
        /** Line breaks, NUL or other control characters. */
        CONTROL_CHARACTERS
    }

    private final Reason reason;

    InvalidSsoIdentifierException(Reason reason) {
        super("not an SSO identifier: " + reason.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
