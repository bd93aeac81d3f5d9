package dev.orgbridge.core.provisioning.scim;

/** An attribute mapping that cannot work; the message says which pair and why. */
public final class InvalidScimMappingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidScimMappingException(String message) {
        super(message);
    }
}
