package dev.orgbridge.core.provisioning;

import java.time.Duration;
import java.util.Objects;

/**
 * Stops a burst of deletions from emptying a target: when the deletions queued for a target within {@link #window()}
 * reach {@link #minimumDeletions()} and exceed {@link #maxPercent()} % of the users the target holds, the target is
 * paused until an admin resumes it (or drops the deletions). Small realms are spared by the minimum: deleting 3 of
 * 20 users is 15 % but no accident at scale.
 *
 * @param maxPercent       the share of the target's users that may be deleted within the window, 1 to 100
 * @param minimumDeletions deletions below this count never pause
 * @param window           how far back the adapter counts deletions
 */
public record MassDeletionGuard(int maxPercent, int minimumDeletions, Duration window) {

    /** 10 % of the target's users, at least 10 deletions, within one hour. */
    public static final MassDeletionGuard DEFAULT = new MassDeletionGuard(10, 10, Duration.ofHours(1));

    public MassDeletionGuard {
        if (maxPercent < 1 || maxPercent > 100) {
            throw new IllegalArgumentException("the mass-deletion share must be 1 to 100 %, not " + maxPercent);
        }
        if (minimumDeletions < 1) {
            throw new IllegalArgumentException("the mass-deletion minimum must be at least 1, not "
                    + minimumDeletions);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the mass-deletion window must be positive, not " + window);
        }
    }

    /** Whether to go on or pause the target. */
    public sealed interface Verdict {
        boolean pause();
    }

    /** Deliver as usual. */
    public record Go() implements Verdict {
        @Override
        public boolean pause() {
            return false;
        }
    }

    /** Pause the target: {@code deletions} in the window reached {@code threshold} for {@code users} users. */
    public record Pause(long deletions, long users, long threshold) implements Verdict {
        @Override
        public boolean pause() {
            return true;
        }
    }

    /**
     * The verdict for {@code deletions} queued within the window against a target holding {@code users} users (as
     * counted before these deletions).
     */
    public Verdict check(long deletions, long users) {
        if (deletions < 0 || users < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
        long threshold = threshold(users);
        return deletions >= threshold ? new Pause(deletions, users, threshold) : new Go();
    }

    /** The fewest deletions that pause a target of {@code users} users: over the share, and at least the minimum. */
    public long threshold(long users) {
        long overShare = Math.multiplyExact(users, maxPercent) / 100 + 1;
        return Math.max(minimumDeletions, overShare);
    }
}
