package dev.orgbridge.delivery.scim;

import dev.orgbridge.core.provisioning.DeliveryOutcome;
import dev.orgbridge.core.provisioning.scim.ScimError;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link ScimClient} operation came to, for the worker's next step and the provisioning log.
 *
 * @param outcome  success, retry (with the server's {@code Retry-After}) or permanent failure, as for a webhook
 * @param action   what the client did; {@link Action#FAILED} when the outcome is not a success
 * @param remoteId the SCIM server's id of the resource, when known: store it for the next call
 * @param error    the server's error answer, log-safe, when there was one
 */
public record ScimResult(DeliveryOutcome outcome, Action action, Optional<String> remoteId,
                         Optional<ScimError> error) {

    public enum Action {
        /** {@code POST}: the resource is new. */
        CREATED,
        /** An existing resource (found by externalId, userName or displayName) was taken over and updated. */
        ADOPTED,
        /** The resource known by its id was updated (PATCH, or PUT where PATCH was refused). */
        UPDATED,
        DEACTIVATED,
        DELETED,
        /** The resource (or membership) was not there: a deletion or removal counts as done. */
        ALREADY_GONE,
        MEMBER_ADDED,
        MEMBER_REMOVED,
        /** A group's members were set to exactly those given. */
        MEMBERS_SET,
        FAILED
    }

    public ScimResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(remoteId, "remoteId");
        Objects.requireNonNull(error, "error");
    }
}
