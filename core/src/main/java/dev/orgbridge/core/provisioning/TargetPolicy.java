package dev.orgbridge.core.provisioning;

/**
 * Which target addresses an admin allowed beyond the public internet. Link-local, cloud metadata and non-unicast
 * addresses are refused whatever the policy says.
 *
 * @param allowHttp     plain {@code http://} targets (otherwise {@code https://} only)
 * @param allowPrivate  private ranges ({@link AddressKind#PRIVATE})
 * @param allowLoopback the local host ({@link AddressKind#LOOPBACK}, {@link AddressKind#UNSPECIFIED})
 */
public record TargetPolicy(boolean allowHttp, boolean allowPrivate, boolean allowLoopback) {

    /** HTTPS to public addresses only: the default. */
    public static final TargetPolicy STRICT = new TargetPolicy(false, false, false);

    /** Whether a target may be reached at an address of this kind. */
    public boolean permits(AddressKind kind) {
        return switch (kind) {
            case PUBLIC -> true;
            case PRIVATE -> allowPrivate;
            case LOOPBACK, UNSPECIFIED -> allowLoopback;
            case LINK_LOCAL, CLOUD_METADATA, NOT_UNICAST -> false;
        };
    }
}
