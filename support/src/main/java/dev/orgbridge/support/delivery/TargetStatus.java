package dev.orgbridge.support.delivery;

/** Whether a target is being delivered to. */
public enum TargetStatus {
    ACTIVE,
    /** Kept failing: only a probe now and then, until one succeeds or an admin resumes it. */
    QUARANTINED,
    /** The mass-deletion guard stopped it: nothing is sent until an admin resumes it. */
    PAUSED
}
