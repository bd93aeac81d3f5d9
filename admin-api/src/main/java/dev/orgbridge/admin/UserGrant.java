package dev.orgbridge.admin;

import dev.orgbridge.support.grants.Grant;

/**
 * One entry of {@code GET /admin/realms/{realm}/orgbridge/users/{id}/grants}: a group or role an Orgbridge mapper
 * gave the user, why, and whether the user still holds it (an admin may have removed it by hand since).
 */
public record UserGrant(String kind, String targetId, String targetName, String mapperId, String mapperName,
                        String identityProvider, String attribute, String value, String cause, long grantedAt,
                        boolean held) {

    static UserGrant of(Grant grant, boolean held) {
        return new UserGrant(grant.kindName(), grant.targetId(), grant.targetName(), grant.mapperId(),
                grant.mapperName(), grant.identityProvider(), grant.attribute(), grant.value(), grant.cause(),
                grant.grantedAt(), held);
    }
}
