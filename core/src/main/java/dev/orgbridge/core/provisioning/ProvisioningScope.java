package dev.orgbridge.core.provisioning;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which users a target receives: all, or the members of some organizations, of some groups (and their subgroups), or
 * the users linked to some identity providers.
 *
 * @param values organization aliases, group paths ({@code /teams/sales}) or identity-provider aliases; none for
 *               {@link Kind#ALL}
 */
public record ProvisioningScope(Kind kind, Set<String> values) {

    public static final ProvisioningScope ALL = new ProvisioningScope(Kind.ALL, Set.of());

    public enum Kind {
        ALL,
        ORGANIZATIONS,
        GROUPS,
        IDENTITY_PROVIDERS
    }

    /**
     * What a user belongs to, read at send time.
     *
     * @param organizations     aliases of the user's organizations
     * @param groups            paths of the user's groups ({@code /teams/sales})
     * @param identityProviders aliases of the identity providers the user is linked to
     */
    public record Memberships(Set<String> organizations, Set<String> groups, Set<String> identityProviders) {
        public Memberships {
            organizations = Set.copyOf(organizations);
            groups = Set.copyOf(groups);
            identityProviders = Set.copyOf(identityProviders);
        }
    }

    /** Refuses values for {@code ALL}, no values for another kind, and a group not written as a path. */
    public ProvisioningScope {
        Objects.requireNonNull(kind, "kind");
        values = Set.copyOf(values);
        if (kind == Kind.ALL && !values.isEmpty()) {
            throw new IllegalArgumentException("lists values, but the scope is all users");
        }
        if (kind != Kind.ALL && values.isEmpty()) {
            throw new IllegalArgumentException("lists nothing, but the scope is a choice of "
                    + kind.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        if (kind == Kind.GROUPS) {
            for (String path : values) {
                if (!path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
                    throw new IllegalArgumentException("names the group " + path + ", which is not a group path "
                            + "such as /teams/sales");
                }
            }
        }
    }

    /** Whether the target receives this user. A group includes the members of its subgroups. */
    public boolean includes(Memberships user) {
        return switch (kind) {
            case ALL -> true;
            case ORGANIZATIONS -> user.organizations().stream().anyMatch(values::contains);
            case IDENTITY_PROVIDERS -> user.identityProviders().stream().anyMatch(values::contains);
            case GROUPS -> user.groups().stream().anyMatch(path -> values.stream()
                    .anyMatch(scope -> path.equals(scope) || path.startsWith(scope + "/")));
        };
    }
}
