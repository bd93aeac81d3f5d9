package dev.orgbridge.core.provisioning;

/**
 * Text that is no webhook secret; {@link #reason()} says why. The message never repeats the text: it is a credential.
 */
public final class InvalidWebhookSecretException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Why a text is not a webhook secret. */
    public enum Reason {
        /** Nothing given, or only whitespace. */
        EMPTY("is empty"),
        /** It does not start with {@code whsec_}. */
        MISSING_PREFIX("does not start with " + WebhookSecret.PREFIX),
        /** What follows the prefix is not standard base64. */
        NOT_BASE64("is not base64 after " + WebhookSecret.PREFIX),
        /** The key is shorter than {@value WebhookSecret#MIN_BYTES} bytes. */
        TOO_SHORT("holds fewer than " + WebhookSecret.MIN_BYTES + " key bytes"),
        /** The key is longer than {@value WebhookSecret#MAX_BYTES} bytes. */
        TOO_LONG("holds more than " + WebhookSecret.MAX_BYTES + " key bytes");

        private final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    private final Reason reason;

    InvalidWebhookSecretException(Reason reason) {
        super("the webhook secret " + reason.text + " (expected " + WebhookSecret.PREFIX + "<base64 of "
                + WebhookSecret.MIN_BYTES + " to " + WebhookSecret.MAX_BYTES + " random bytes>)");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
