/**
 * Admin notification mails about provisioning, as pure values and decisions.
 *
 * <p>A {@link dev.orgbridge.core.provisioning.notify.Notification} is one of four things an admin hears about: an
 * {@link dev.orgbridge.core.provisioning.notify.OrganizationCreated organization created}, a
 * {@link dev.orgbridge.core.provisioning.notify.UserProvisioned user created just in time}, a
 * {@link dev.orgbridge.core.provisioning.notify.FailureDigest digest of failed deliveries} and a
 * {@link dev.orgbridge.core.provisioning.notify.TargetPaused paused target}. {@link
 * dev.orgbridge.core.provisioning.notify.NotifyOn} says which kinds a notification target takes,
 * {@link dev.orgbridge.core.provisioning.notify.DigestSchedule} when the next failure digest may go, and
 * {@link dev.orgbridge.core.provisioning.notify.NotificationMail} what the theme's templates are given. Nothing here
 * knows Keycloak, SMTP or the database; see {@code docs/provisioning.md#notifications}.
 */
package dev.orgbridge.core.provisioning.notify;
