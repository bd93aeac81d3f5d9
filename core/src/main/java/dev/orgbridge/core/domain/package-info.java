/**
 * Domain → organization on broker login, as pure decisions over value objects.
 *
 * <p>The adapter classifies the email an identity provider asserted ({@link dev.orgbridge.core.domain.EmailCheck}),
 * asks the directory for the organization that owns its domain (using a {@link dev.orgbridge.core.domain.DomainIndex}
 * or Keycloak's own lookup), and applies what {@link dev.orgbridge.core.domain.Onboarding#decide} answers.
 * Nothing here knows Keycloak; see {@code docs/domains.md} for the rules.
 */
package dev.orgbridge.core.domain;
