package dev.orgbridge.delivery.notify;

/**
 * A notification mail that did not go out, or not to everyone; {@link #reason()} says why, the message says what to
 * fix. Messages name the realm and the notification target, never an SMTP setting's value.
 */
public final class NotificationException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a notification was not sent. */
    public enum Reason {
        /** The realm has no SMTP server or no sender address: nothing is tried. */
        NO_SMTP_SERVER,
        /** The realm's email theme finds no Orgbridge templates (a broken installation): nothing is tried. */
        NO_TEMPLATES,
        /** Keycloak could not render or send the mail to some or all recipients (SMTP down, refused, …). */
        NOT_SENT
    }

    private final Reason reason;

    NotificationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
