package dev.orgbridge.admin.provisioning;

import dev.orgbridge.core.provisioning.ResyncProgress;
import dev.orgbridge.support.delivery.ResyncJobEntity;
import java.time.Instant;

/**
 * A re-sync job, {@code GET …/provisioning/targets/{id}/resync/{jobId}}.
 *
 * @param state        {@code queued}, {@code running}, {@code done} or {@code failed}
 * @param requestedBy  the id of the admin who started it
 * @param usersChecked users of the realm looked at so far
 * @param groupsChecked groups of the realm looked at so far (a SCIM target that pushes groups; else 0)
 * @param total        deliveries queued so far: one per user the target receives or still holds, one per group
 * @param pending      of them, not yet settled
 * @param retrying     of the pending, those that failed at least once
 * @param delivered    of them, taken by the target
 * @param failed       of them, dead letters
 * @param skipped      of them, with nothing to send (coalesced, or the user was deleted or left the scope)
 */
public record ResyncJobView(String id, String targetId, String state, String requestedBy, long createdAt,
                            Long startedAt, Long walkedAt, Long finishedAt, long usersChecked, long groupsChecked,
                            long total,
                            long pending, long retrying, long delivered, long failed, long skipped) {

    static ResyncJobView of(ResyncJobEntity job, ResyncProgress progress) {
        ResyncProgress.Counts counts = progress.counts();
        return new ResyncJobView(job.id(), job.targetId(), progress.state().wireName(), job.requestedBy(),
                job.createdAt(), job.startedAt(), job.walkedAt(), millis(progress.finishedAt()), job.usersChecked(),
                job.groupsChecked(), counts.total(), counts.pending(), counts.retrying(), counts.delivered(), counts.failed(),
                counts.skipped());
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
