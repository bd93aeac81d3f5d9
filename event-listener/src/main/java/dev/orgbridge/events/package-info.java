/**
 * Captures user, organization and membership changes into the provisioning outbox in the same transaction as
 * the change; delivery happens in the background, never on the request thread.
 */
package dev.orgbridge.events;
