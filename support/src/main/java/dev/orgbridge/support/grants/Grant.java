package dev.orgbridge.support.grants;

import java.util.Locale;

/**
 * Why a user holds a group or role: the mapper, identity provider and asserted value that caused it. What an admin
 * reads at {@code GET /admin/realms/{realm}/orgbridge/users/{id}/grants}.
 *
 * @param kind             {@code GROUP} or {@code ROLE}
 * @param targetId         the group's or role's id
 * @param targetName       the group's path or the role's name ({@code clientId.role} for a client role) when granted
 * @param value            the asserted value, in its escaped shown form; null for a missing attribute
 * @param cause            as the admin event's {@code orgbridge_cause} detail ({@code asserted}, {@code default}…)
 * @param grantedAt        epoch milliseconds of the login that granted it
 */
public record Grant(Kind kind, String targetId, String targetName, String mapperId, String mapperName,
                    String identityProvider, String attribute, String value, String cause, long grantedAt) {

    public enum Kind { GROUP, ROLE }

    /** How the kind appears in JSON and the table: lower case. */
    public String kindName() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
