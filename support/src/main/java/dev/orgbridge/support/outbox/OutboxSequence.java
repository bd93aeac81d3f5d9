package dev.orgbridge.support.outbox;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Orders outbox entries: microseconds since the epoch, strictly increasing within a node. Changes of one subject made
 * in one transaction (an organization created, then joined) keep their order even within one millisecond; across
 * nodes, order follows the clocks, which is all the order two nodes' changes to one subject can have.
 */
public final class OutboxSequence {

    private static final AtomicLong LAST = new AtomicLong();

    private OutboxSequence() {
    }

    public static long next(long nowMillis) {
        long candidate = nowMillis * 1000;
        return LAST.updateAndGet(last -> Math.max(last + 1, candidate));
    }
}
