package dev.orgbridge.mapper.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Orgbridge's protocol mappers hand to a downstream app about one user, computed once per token or assertion.
 *
 * @param organization the user's organization; empty when they have none (or Organizations are off)
 * @param role         the value of the first row of the mapper's allow-list whose role the user holds
 * @param teams        names of the user's groups in the mapper's team scope, in alphabetical order
 */
record AppProfile(Optional<AppOrganization> organization, Optional<String> role, List<String> teams) {

    static final AppProfile EMPTY = new AppProfile(Optional.empty(), Optional.empty(), List.of());

    AppProfile {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(role, "role");
        teams = List.copyOf(teams);
    }
}
