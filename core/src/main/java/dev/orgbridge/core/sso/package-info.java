/**
 * The SSO identifier: a user's name for single sign-on, equal to the SAML NameID ignoring case, unique in the realm
 * ({@link dev.orgbridge.core.sso.SsoIdentifier}); and the bulk import of users as pure parsing and row decisions
 * ({@link dev.orgbridge.core.sso.CsvRecords}). Nothing here knows Keycloak; see {@code docs/sso-identifier.md}.
 */
package dev.orgbridge.core.sso;
