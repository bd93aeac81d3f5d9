package dev.orgbridge.core.provisioning.scim;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The SCIM attributes a target may fill from a Keycloak user attribute: single-valued strings of the core User schema
 * and of the enterprise extension (RFC 7643 §4.1, §4.3). The fixed fields (userName, name, displayName, emails, active,
 * externalId) come from the user's own fields instead. Kept small on purpose: each one is written the same way.
 */
public enum ScimAttribute {
    NICK_NAME("nickName", false),
    TITLE("title", false),
    USER_TYPE("userType", false),
    PREFERRED_LANGUAGE("preferredLanguage", false),
    LOCALE("locale", false),
    TIMEZONE("timezone", false),
    EMPLOYEE_NUMBER("employeeNumber", true),
    COST_CENTER("costCenter", true),
    ORGANIZATION("organization", true),
    DIVISION("division", true),
    DEPARTMENT("department", true);

    private final String attributeName;
    private final boolean enterprise;

    ScimAttribute(String attributeName, boolean enterprise) {
        this.attributeName = attributeName;
        this.enterprise = enterprise;
    }

    /**
     * The attribute a SCIM path names: its name ({@code department}), or for the enterprise extension also the name
     * behind the schema URN ({@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department}). SCIM
     * names ignore case (RFC 7643 §2.1).
     */
    public static Optional<ScimAttribute> fromPath(String path) {
        String lower = path.strip().toLowerCase(Locale.ROOT);
        String prefix = ScimSchemas.ENTERPRISE_USER.toLowerCase(Locale.ROOT) + ":";
        boolean qualified = lower.startsWith(prefix);
        String name = qualified ? lower.substring(prefix.length()) : lower;
        return Arrays.stream(values())
                .filter(attribute -> attribute.attributeName.toLowerCase(Locale.ROOT).equals(name))
                .filter(attribute -> attribute.enterprise || !qualified)
                .findFirst();
    }

    /** The member name in the resource, e.g. {@code department}. */
    public String attributeName() {
        return attributeName;
    }

    /** Whether it belongs to the enterprise extension (written inside its own object). */
    public boolean enterprise() {
        return enterprise;
    }

    /** The path in a PATCH: the name, or for the enterprise extension the schema URN, a colon and the name. */
    public String path() {
        return enterprise ? ScimSchemas.ENTERPRISE_USER + ":" + attributeName : attributeName;
    }
}
