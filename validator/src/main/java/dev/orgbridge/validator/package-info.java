/**
 * User-profile validators: {@link dev.orgbridge.validator.SsoIdentifierValidator} keeps SSO identifiers unique in a
 * realm, ignoring case. Decisions in {@code dev.orgbridge.core.sso}; the index in {@code dev.orgbridge.support.sso}.
 */
package dev.orgbridge.validator;
