package dev.orgbridge.core.provisioning;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a re-sync job of one target stands. The worker walks the realm's users in pages and queues one delivery per
 * user the target receives (or holds), then, for a SCIM target that pushes groups, one per realm group
 * ({@link ResyncStep}); the job's progress is counted from those deliveries.
 *
 * <table>
 * <caption>The job's state</caption>
 * <tr><th>Walk</th><th>Deliveries</th><th>State</th></tr>
 * <tr><td>not started</td><td>none</td><td>{@code queued}</td></tr>
 * <tr><td>started, users (or groups) left to look at</td><td>any</td><td>{@code running}</td></tr>
 * <tr><td>every user (and group) looked at</td><td>some pending</td><td>{@code running}</td></tr>
 * <tr><td>every user (and group) looked at</td><td>none pending, none failed</td><td>{@code done}</td></tr>
 * <tr><td>every user (and group) looked at</td><td>none pending, some failed (dead letters)</td><td>{@code failed}</td></tr>
 * </table>
 *
 * <p>Queued and running jobs are active: a target has at most one. Dead letters of a job that are retried are pending
 * again, so a failed job runs again until they settle.
 *
 * @param startedAt  when the worker looked at the first page of users; null while queued
 * @param walkedAt   when the worker had looked at every user (and group, if it pushes them); null before
 * @param usersChecked users looked at so far (those out of the target's scope and never sent are not queued)
 * @param lastDoneAt when the last of the job's deliveries settled; null if none did
 */
public record ResyncProgress(Instant createdAt, Instant startedAt, Instant walkedAt, long usersChecked, Counts counts,
                             Instant lastDoneAt) {

    /** The job's state; see the table above. */
    public enum State {
        QUEUED, RUNNING, DONE, FAILED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The job's deliveries by status.
     *
     * @param retrying the pending ones that failed at least once (a subset of {@code pending})
     * @param failed   dead letters
     * @param skipped  nothing to send: coalesced into another change of the user, or the user was deleted or left
     *                 the target's scope meanwhile
     */
    public record Counts(long pending, long retrying, long delivered, long failed, long skipped) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        public Counts {
            if (pending < 0 || retrying < 0 || retrying > pending || delivered < 0 || failed < 0 || skipped < 0) {
                throw new IllegalArgumentException("counts must be at least 0, retrying at most pending");
            }
        }

        /** Every delivery the job queued so far. */
        public long total() {
            return pending + delivered + failed + skipped;
        }
    }

    public ResyncProgress {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(counts, "counts");
        if (walkedAt != null && startedAt == null) {
            throw new IllegalArgumentException("a job cannot have walked its users without starting");
        }
    }

    public State state() {
        if (startedAt == null) {
            return State.QUEUED;
        }
        if (walkedAt == null || counts.pending() > 0) {
            return State.RUNNING;
        }
        return counts.failed() > 0 ? State.FAILED : State.DONE;
    }

    /** Whether the job still has work: a second job for the same target is refused meanwhile. */
    public boolean active() {
        State state = state();
        return state == State.QUEUED || state == State.RUNNING;
    }

    /** When the job finished (its last delivery settled, or its walk ended if it queued none); null while active. */
    public Instant finishedAt() {
        if (active()) {
            return null;
        }
        return lastDoneAt == null || lastDoneAt.isBefore(walkedAt) ? walkedAt : lastDoneAt;
    }
}
