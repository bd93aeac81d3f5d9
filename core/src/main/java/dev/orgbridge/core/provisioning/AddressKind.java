package dev.orgbridge.core.provisioning;

/** What an IP address (or a name reserved for one) reaches, as far as the SSRF policy cares. */
public enum AddressKind {
    /** The internet. Always allowed. */
    PUBLIC,
    /** 10/8, 172.16/12, 192.168/16, 100.64/10 (shared), fc00::/7, fec0::/10: allowed with {@code allowPrivate}. */
    PRIVATE,
    /** 127/8, ::1, {@code localhost}: allowed with {@code allowLoopback}. */
    LOOPBACK,
    /** 0.0.0.0/8 and {@code ::}, which reach the local host: allowed with {@code allowLoopback}. */
    UNSPECIFIED,
    /** 169.254/16 and fe80::/10. Never allowed. */
    LINK_LOCAL,
    /**
     * Cloud instance metadata: 169.254.169.254, 169.254.170.2, fd00:ec2::254, 100.100.100.200,
     * {@code metadata.google.internal} and kin. Never allowed.
     */
    CLOUD_METADATA,
    /** Multicast, broadcast and reserved (224/4, 240/4, ff00::/8): no HTTP server lives there. Never allowed. */
    NOT_UNICAST
}
