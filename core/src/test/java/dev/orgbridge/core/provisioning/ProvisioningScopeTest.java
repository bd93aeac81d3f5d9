package dev.orgbridge.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.provisioning.ProvisioningScope.Kind;
import dev.orgbridge.core.provisioning.ProvisioningScope.Memberships;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProvisioningScopeTest {

    /** A member of acme, in /teams/sales, signed in through acme-oidc. */
    private static final Memberships JORG = new Memberships(Set.of("acme"), Set.of("/teams/sales"),
            Set.of("acme-oidc"));
    private static final Memberships NOBODY = new Memberships(Set.of(), Set.of(), Set.of());

    static Stream<Arguments> decisions() {
        return Stream.of(
                arguments(Kind.ALL, Set.of(), JORG, true),
                arguments(Kind.ALL, Set.of(), NOBODY, true),
                arguments(Kind.ORGANIZATIONS, Set.of("acme"), JORG, true),
                arguments(Kind.ORGANIZATIONS, Set.of("globex", "acme"), JORG, true),
                arguments(Kind.ORGANIZATIONS, Set.of("globex"), JORG, false),
                arguments(Kind.ORGANIZATIONS, Set.of("ACME"), JORG, false),      // aliases are exact
                arguments(Kind.ORGANIZATIONS, Set.of("acme"), NOBODY, false),
                arguments(Kind.GROUPS, Set.of("/teams/sales"), JORG, true),
                arguments(Kind.GROUPS, Set.of("/teams"), JORG, true),             // subgroups count
                arguments(Kind.GROUPS, Set.of("/team"), JORG, false),             // a prefix of a name is not a parent
                arguments(Kind.GROUPS, Set.of("/teams/sales/emea"), JORG, false), // a child does not include its parent
                arguments(Kind.IDENTITY_PROVIDERS, Set.of("acme-oidc"), JORG, true),
                arguments(Kind.IDENTITY_PROVIDERS, Set.of("acme-saml"), JORG, false));
    }

    @ParameterizedTest(name = "{0} {1}: {2} → {3}")
    @MethodSource("decisions")
    void decidesWhoTheTargetReceives(Kind kind, Set<String> values, Memberships user, boolean included) {
        assertEquals(included, new ProvisioningScope(kind, values).includes(user));
    }

    static Stream<Arguments> badScopes() {
        return Stream.of(
                arguments(Kind.ALL, Set.of("acme"), "lists values, but the scope is all users"),
                arguments(Kind.ORGANIZATIONS, Set.of(), "lists nothing, but the scope is a choice of organizations"),
                arguments(Kind.IDENTITY_PROVIDERS, Set.of(),
                        "lists nothing, but the scope is a choice of identity providers"),
                arguments(Kind.GROUPS, Set.of("teams"), "names the group teams, which is not a group path such as "
                        + "/teams/sales"),
                arguments(Kind.GROUPS, Set.of("/teams/"), "names the group /teams/, which is not a group path such as "
                        + "/teams/sales"),
                arguments(Kind.GROUPS, Set.of("/"), "names the group /, which is not a group path such as "
                        + "/teams/sales"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badScopes")
    void refusesScopesThatCannotBeMeant(Kind kind, Set<String> values, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> new ProvisioningScope(kind, values)).getMessage());
    }
}
