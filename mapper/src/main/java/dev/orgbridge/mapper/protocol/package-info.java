/**
 * Protocol mappers: what Orgbridge hands to downstream apps in OIDC tokens and SAML assertions (the user's
 * organization, a role from an allow-list, teams), computed once per token as an {@code AppProfile}. Settings are
 * parsed into typed records; a setting that cannot work leaves out what it feeds and is logged, never failing a login.
 */
package dev.orgbridge.mapper.protocol;
