/**
 * Identity-provider mappers (IdP attributes to groups and roles) and protocol mappers (claims and SAML
 * attributes handed to downstream apps). Mapping decisions live in {@code dev.orgbridge.core}.
 */
package dev.orgbridge.mapper;
