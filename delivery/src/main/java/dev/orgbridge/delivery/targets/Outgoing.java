package dev.orgbridge.delivery.targets;

import java.time.Instant;

/** One prepared call to a target: sent by the worker outside any database transaction. */
public interface Outgoing {

    /**
     * A hash of the content sent, to recognise an update that changes nothing since the last delivery; null when the
     * call must always be sent.
     */
    String contentHash();

    /** Sends it; never throws for what the target or the network does. */
    Attempt send(Instant now);
}
