package dev.orgbridge.support.delivery;

/** Where a delivery stands. Only {@link #PENDING} ones are sent; the others stay as the provisioning log. */
public enum DeliveryStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** The target took it. */
    DELIVERED,
    /** Nothing needed sending: coalesced into another call, unchanged since the last delivery, or out of scope. */
    SKIPPED,
    /** Given up: failed for good, too often, or too long; an admin may retry it. */
    DEAD
}
