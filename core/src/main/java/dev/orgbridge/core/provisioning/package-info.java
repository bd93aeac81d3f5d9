/**
 * Outbound provisioning as pure decisions: what a webhook says and how it is signed, when a failed delivery is tried
 * again, which targets may be called, and which calls a batch of pending changes comes to.
 *
 * <p>{@link dev.orgbridge.core.provisioning.ProvisioningEvent} is the webhook envelope (written by the dependency-free
 * {@link dev.orgbridge.core.provisioning.JsonWriter}), signed the Standard Webhooks way by
 * {@link dev.orgbridge.core.provisioning.WebhookSignature} under a
 * {@link dev.orgbridge.core.provisioning.WebhookSecret}. {@link dev.orgbridge.core.provisioning.DeliveryOutcome}
 * classifies an attempt and {@link dev.orgbridge.core.provisioning.RetrySchedule} says what follows.
 * {@link dev.orgbridge.core.provisioning.TargetUrl} guards against server-side request forgery.
 * {@link dev.orgbridge.core.provisioning.Coalescing}, {@link dev.orgbridge.core.provisioning.MassDeletionGuard} and
 * {@link dev.orgbridge.core.provisioning.Quarantine} decide what to send and when to hold back. Nothing here knows
 * Keycloak, HTTP clients or the database; see {@code docs/provisioning.md}.
 */
package dev.orgbridge.core.provisioning;
