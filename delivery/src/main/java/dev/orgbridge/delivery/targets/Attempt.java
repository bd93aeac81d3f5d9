package dev.orgbridge.delivery.targets;

import dev.orgbridge.core.provisioning.DeliveryOutcome;
import java.util.Objects;

/**
 * What one call came to.
 *
 * @param remoteId the target's id for the subject, when it told one (SCIM); null otherwise
 * @param detail   short, log-safe words for the provisioning log (a SCIM error's type and detail); null if none
 */
public record Attempt(DeliveryOutcome outcome, String remoteId, String detail) {

    public Attempt {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static Attempt of(DeliveryOutcome outcome) {
        return new Attempt(outcome, null, null);
    }

    /** The HTTP status, if the target answered one (a mail has none). */
    public Integer httpStatus() {
        if (outcome instanceof DeliveryOutcome.Success success) {
            return success.status() == DeliveryOutcome.Success.MAILED ? null : Integer.valueOf(success.status());
        }
        return cause() instanceof DeliveryOutcome.HttpStatus status ? Integer.valueOf(status.code()) : null;
    }

    /** What the log shows: the outcome, and the detail when there is one. */
    public String describe() {
        return detail == null ? outcome.describe() : outcome.describe() + ": " + detail;
    }

    private DeliveryOutcome.Cause cause() {
        if (outcome instanceof DeliveryOutcome.Retry retry) {
            return retry.cause();
        }
        return outcome instanceof DeliveryOutcome.PermanentFailure failure ? failure.cause() : null;
    }
}
