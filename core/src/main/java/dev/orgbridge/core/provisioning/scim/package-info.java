/**
 * SCIM 2.0 (RFC 7643, RFC 7644) as pure decisions: what a Keycloak user or group looks like as a SCIM resource
 * ({@link dev.orgbridge.core.provisioning.scim.ScimUserMapping}, {@link dev.orgbridge.core.provisioning.scim.ScimUser},
 * {@link dev.orgbridge.core.provisioning.scim.ScimGroup}), the PATCH bodies that bring a resource up to date
 * ({@link dev.orgbridge.core.provisioning.scim.ScimPatch}), the filters that find a resource again
 * ({@link dev.orgbridge.core.provisioning.scim.ScimFilter}), and what an error answer means for the next step
 * ({@link dev.orgbridge.core.provisioning.scim.ScimError}). Written with core's own
 * {@link dev.orgbridge.core.provisioning.JsonWriter}; no HTTP, no Keycloak. {@code delivery}'s {@code ScimClient} sends
 * them; see {@code docs/provisioning.md}.
 */
package dev.orgbridge.core.provisioning.scim;
