package dev.orgbridge.delivery.targets;

import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.support.outbox.OutboxEntry;
import java.time.Instant;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * One call the worker is about to make, with what a target needs to prepare it.
 *
 * @param subjectId   the user or organization (a group for a re-sync's group call)
 * @param containerId the organization or group of a membership call; null otherwise
 * @param messageId   the call's id (a webhook's {@code webhook-id}): the same on every retry of the same changes
 * @param changedAt   when the last change the call covers happened
 * @param lastKnown   what a deletion still knew of its subject
 * @param remoteId    the target's id for the subject, if it told one before
 * @param known       whether the target has been sent this subject before
 * @param identityProvider the alias of the identity provider whose login created the subject just in time (a
 *                         creation captured at a broker login); null otherwise
 */
public record CallContext(KeycloakSession session, RealmModel realm, EventType type, String subjectId,
                          String containerId, String messageId, Instant changedAt, OutboxEntry.LastKnown lastKnown,
                          String remoteId, boolean known, String identityProvider) {
}
