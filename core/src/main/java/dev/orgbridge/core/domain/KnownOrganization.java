package dev.orgbridge.core.domain;

import java.util.Objects;
import java.util.Set;

/**
 * What the directory (Keycloak, through the adapter) knows about the organization that owns an email's domain.
 *
 * @param id          the organization's id
 * @param alias       the organization's alias
 * @param trustedIdps aliases of the identity providers trusted to assert this organization's domains: the ones
 *                    linked to it plus any an admin allowed explicitly. Matched exactly.
 */
public record KnownOrganization(String id, String alias, Set<String> trustedIdps) {

    public KnownOrganization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(alias, "alias");
        trustedIdps = Set.copyOf(Objects.requireNonNull(trustedIdps, "trustedIdps"));
    }
}
