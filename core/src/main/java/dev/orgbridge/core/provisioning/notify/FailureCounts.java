package dev.orgbridge.core.provisioning.notify;

/**
 * A provisioning target's failed attempts and dead letters, counted ever (only ever added to). A failure digest keeps
 * the counts it covered; the next digest reports {@link #since} them.
 */
public record FailureCounts(long failedAttempts, long deadLetters) {

    public static final FailureCounts NONE = new FailureCounts(0, 0);

    public FailureCounts {
        if (failedAttempts < 0 || deadLetters < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /**
     * What was counted after {@code covered}. A count below what was covered (the target's counts were reset, e.g. it
     * was removed and made again under the same id) counts as nothing new rather than as a negative number.
     */
    public FailureCounts since(FailureCounts covered) {
        return new FailureCounts(Math.max(0, failedAttempts - covered.failedAttempts),
                Math.max(0, deadLetters - covered.deadLetters));
    }

    /** Whether there is anything to report. */
    public boolean isEmpty() {
        return failedAttempts == 0 && deadLetters == 0;
    }
}
