package dev.orgbridge.core.provisioning.scim;

/** The schema and message URNs of SCIM 2.0 (RFC 7643, RFC 7644) that Orgbridge writes. */
public final class ScimSchemas {

    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private ScimSchemas() {
    }
}
