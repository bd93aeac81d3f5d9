/**
 * Identity-provider attributes → groups and roles, as pure decisions.
 *
 * <p>The adapter reads the values an identity provider asserted for one attribute, cleans them with
 * {@link dev.orgbridge.core.mapping.AssertedValues#read}, and asks {@link dev.orgbridge.core.mapping.GroupMapping} which
 * groups of one scope they select, or {@link dev.orgbridge.core.mapping.RoleMapping} which one role of an allow-list
 * they grant. {@link dev.orgbridge.core.mapping.Assignments} turns a decision into what to add and what to remove.
 * Nothing here knows Keycloak; see {@code docs/idp-mappers.md} for the rules.
 */
package dev.orgbridge.core.mapping;
