package dev.orgbridge.delivery.worker;

/**
 * What a target's calls came to during one round, in the order they finished: folded into its state at the end.
 * Calls finish on several threads, hence synchronized.
 */
final class TargetHealth {

    /** Failures in a row within one round after which the round stops calling the target. */
    static final int TRIP_AFTER = 5;

    private int failuresInRow;
    private boolean tripped;
    private long firstFailureAt;
    private long lastSuccessAt;
    private String lastError;
    private long lastFailureAt;
    private boolean anySuccess;

    synchronized void succeeded(long now) {
        failuresInRow = 0;
        anySuccess = true;
        lastSuccessAt = now;
    }

    synchronized void failed(String error, long now) {
        if (failuresInRow == 0) {
            firstFailureAt = now;
        }
        failuresInRow++;
        lastError = error;
        lastFailureAt = now;
        tripped |= failuresInRow >= TRIP_AFTER;
    }

    /** Whether the round should stop calling the target: it failed {@link #TRIP_AFTER} times in a row. */
    synchronized boolean tripped() {
        return tripped;
    }

    /** The failures after the round's last success: how many attempts the round ended with failing. */
    synchronized int trailingFailures() {
        return failuresInRow;
    }

    synchronized boolean anySuccess() {
        return anySuccess;
    }

    synchronized long lastSuccessAt() {
        return lastSuccessAt;
    }

    synchronized long firstFailureAt() {
        return firstFailureAt;
    }

    synchronized long lastFailureAt() {
        return lastFailureAt;
    }

    synchronized String lastError() {
        return lastError;
    }
}
