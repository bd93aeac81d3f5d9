package dev.orgbridge.core.provisioning;

import dev.orgbridge.core.provisioning.InvalidWebhookSecretException.Reason;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

/**
 * The shared key of a webhook target, written the Standard Webhooks way: {@code whsec_} followed by the standard
 * base64 (padding optional) of the key bytes. The HMAC key is the decoded bytes, not the text.
 *
 * <p>{@link #toString()} never shows the key; {@link #encoded()} gives the {@code whsec_…} text for storage and for
 * showing it once to the admin who created it.
 */
public final class WebhookSecret {

    /** What every secret starts with. */
    public static final String PREFIX = "whsec_";
    /** Fewest key bytes accepted (192 bits). */
    public static final int MIN_BYTES = 24;
    /** Most key bytes accepted (512 bits, one SHA-256 block; longer keys would be hashed first). */
    public static final int MAX_BYTES = 64;
    /** Key bytes of a {@linkplain #generate generated} secret. */
    public static final int GENERATED_BYTES = 32;

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key;
    }

    /**
     * Reads {@code whsec_<base64>}; surrounding whitespace (a pasted line break) is ignored.
     *
     * @throws InvalidWebhookSecretException saying what is wrong, never repeating the text
     */
    public static WebhookSecret parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new InvalidWebhookSecretException(Reason.EMPTY);
        }
        if (!s.startsWith(PREFIX)) {
            throw new InvalidWebhookSecretException(Reason.MISSING_PREFIX);
        }
        String base64 = s.substring(PREFIX.length());
        if (base64.isEmpty() || !base64.chars().allMatch(WebhookSecret::isBase64Char)) {
            throw new InvalidWebhookSecretException(Reason.NOT_BASE64);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) { // bad length or misplaced padding
            throw new InvalidWebhookSecretException(Reason.NOT_BASE64);
        }
        return of(key);
    }

    /** A secret of these key bytes (copied), within {@value #MIN_BYTES} to {@value #MAX_BYTES} bytes. */
    public static WebhookSecret of(byte[] key) {
        if (key.length < MIN_BYTES) {
            throw new InvalidWebhookSecretException(Reason.TOO_SHORT);
        }
        if (key.length > MAX_BYTES) {
            throw new InvalidWebhookSecretException(Reason.TOO_LONG);
        }
        return new WebhookSecret(key.clone());
    }

    /** A new secret of {@value #GENERATED_BYTES} bytes from {@code random} (a {@code SecureRandom} in production). */
    public static WebhookSecret generate(Random random) {
        byte[] key = new byte[GENERATED_BYTES];
        random.nextBytes(key);
        return new WebhookSecret(key);
    }

    /** The HMAC key (a copy). */
    public byte[] key() {
        return key.clone();
    }

    /** {@code whsec_} and the padded base64 of the key: what {@link #parse} reads back. */
    public String encoded() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Whether both hold the same key, compared in constant time. */
    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookSecret other && MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** Never the key: {@code whsec_…(32 bytes)}. */
    @Override
    public String toString() {
        return PREFIX + "…(" + key.length + " bytes)";
    }

    private static boolean isBase64Char(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                || c == '=';
    }
}
