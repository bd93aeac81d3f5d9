package dev.orgbridge.admin.provisioning;

import dev.orgbridge.delivery.worker.ProvisionNow;
import java.util.Locale;

/**
 * What {@code POST …/provisioning/targets/{id}/users/{userId}/provision} answers: the call made and what came of it.
 *
 * @param operation     {@code user.created} or {@code user.updated}
 * @param status        {@code delivered}, {@code failed} or {@code skipped}
 * @param reason        why nothing was sent, or what happens to a failure (retried by the worker, or a dead letter)
 * @param httpStatus    the target's HTTP status, if it answered
 * @param error         short, log-safe words on a failure (a SCIM error's type and detail)
 * @param nextAttemptAt when the worker retries a retryable failure (epoch ms)
 * @param remoteId      the target's id for the user (SCIM), if known
 * @param messageId     the call's id ({@code webhook-id})
 * @param deliveryId    the entry in the provisioning log ({@code GET …/deliveries})
 */
public record ProvisionResultView(String targetId, String userId, String username, String operation, String status,
                                  String reason, Integer httpStatus, String error, Long nextAttemptAt,
                                  String remoteId, String messageId, String deliveryId, long startedAt,
                                  long finishedAt) {

    static ProvisionResultView of(String targetId, ProvisionNow.Result result) {
        return new ProvisionResultView(targetId, result.userId(), result.username(), result.operation().wireName(),
                result.status().name().toLowerCase(Locale.ROOT), result.reason(), result.httpStatus(),
                result.error(), result.nextAttemptAt(), result.remoteId(), result.messageId(), result.deliveryId(),
                result.startedAt(), result.finishedAt());
    }
}
