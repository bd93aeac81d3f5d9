package dev.orgbridge.mapper.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.mapping.RoleTable;
import dev.orgbridge.mapper.protocol.AppProfileSettings.TeamSource;
import dev.orgbridge.mapper.protocol.OidcClaimSettings.Claim;
import dev.orgbridge.mapper.scope.ScopeKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.provider.ProviderConfigProperty;

/** The settings of the OIDC mapper as an admin writes them, and the claims they give. */
class OidcClaimSettingsTest {

    static final String ROLES = "[{\"key\":\"admin\",\"value\":\"app-admin\"},{\"key\":\"manager\",\"value\":\"app-manager\"}]";

    static final AppProfile CAROL = new AppProfile(
            Optional.of(new AppOrganization("0a1b", "globex", "Globex", Optional.of("globex.com"))),
            Optional.of("manager"), List.of("Support", "Sales"));

    static ProtocolMapperModel mapper(Map<String, String> config) {
        ProtocolMapperModel mapper = new ProtocolMapperModel();
        mapper.setName("app claims");
        mapper.setConfig(new HashMap<>(config));
        return mapper;
    }

    /** What the admin console pre-fills in a new mapper: every option's default. */
    static Map<String, String> consoleDefaults(List<ProviderConfigProperty> properties) {
        Map<String, String> config = new HashMap<>();
        properties.stream().filter(property -> property.getDefaultValue() != null)
                .forEach(property -> config.put(property.getName(), property.getDefaultValue().toString()));
        return config;
    }

    /** A mapper as saved from the console: its defaults, with these settings on top. */
    static OidcClaimSettings settings(Map<String, String> settings) {
        Map<String, String> config = consoleDefaults(OidcClaimSettings.PROPERTIES);
        config.putAll(settings);
        return OidcClaimSettings.of(mapper(config));
    }

    @Test
    void aMapperSavedWithTheConsolesDefaultsEmitsEveryClaimUnderItsDefaultName() {
        OidcClaimSettings settings = settings(Map.of("roles", ROLES, "teamParentGroup", "/teams"));

        assertEquals(List.of(
                Claim.single("organizationIdClaim", "org_id", "0a1b"),
                Claim.single("organizationAliasClaim", "org_alias", "globex"),
                Claim.single("organizationNameClaim", "org_name", "Globex"),
                Claim.single("organizationDomainClaim", "org_domain", "globex.com"),
                Claim.single("roleClaim", "role", "manager"),
                new Claim("teamsClaim", "teams", List.of("Support", "Sales"), true)), settings.claims(CAROL));
        assertEquals(List.of(), settings.profile().problems());
        assertTrue(settings.profile().organizationWanted());
        assertEquals(Optional.of(new TeamSource(ScopeKind.REALM_GROUP, Optional.of("/teams"))),
                settings.profile().teams());
        assertEquals(List.of("app-admin", "app-manager"), List.copyOf(settings.profile().roles().orElseThrow().roles()));
    }

    @Test
    void aMapperWithoutClaimNamesEmitsNothing() {
        OidcClaimSettings settings = OidcClaimSettings.of(mapper(Map.of("roles", ROLES, "teamParentGroup", "/teams")));

        assertEquals(List.of(), settings.claims(CAROL), "Keycloak drops cleared fields: a name never set is cleared");
        assertEquals(false, settings.profile().organizationWanted());
        assertEquals(Optional.empty(), settings.profile().roles());
        assertEquals(Optional.empty(), settings.profile().teams());
    }

    @Test
    void renamedClaimsAreUsedAndClearedOnesLeftOut() {
        OidcClaimSettings settings = settings(Map.of(
                "organizationIdClaim", " tenant.id ",
                "organizationAliasClaim", "",
                "organizationNameClaim", "tenant.name",
                "organizationDomainClaim", " ",
                "roleClaim", "app_role",
                "roles", ROLES,
                "teamsClaim", "",
                "teamScope", "organization"));

        assertEquals(List.of(
                Claim.single("organizationIdClaim", "tenant.id", "0a1b"),
                Claim.single("organizationNameClaim", "tenant.name", "Globex"),
                Claim.single("roleClaim", "app_role", "manager")), settings.claims(CAROL));
        assertEquals(Optional.empty(), settings.profile().teams(), "teams are not computed when left out");
    }

    @Test
    void whatTheUserLacksIsLeftOut() {
        OidcClaimSettings settings = settings(Map.of("roles", ROLES, "teamParentGroup", "/teams"));

        assertEquals(List.of(), settings.claims(AppProfile.EMPTY));
        assertEquals(List.of(Claim.single("organizationIdClaim", "org_id", "0a1b"),
                        Claim.single("organizationAliasClaim", "org_alias", "globex"),
                        Claim.single("organizationNameClaim", "org_name", "Globex")),
                settings.claims(new AppProfile(
                        Optional.of(new AppOrganization("0a1b", "globex", "Globex", Optional.empty())),
                        Optional.empty(), List.of())));
    }

    @Test
    void oneTeamIsStillAnArray() {
        Claim teams = settings(Map.of("teamParentGroup", "/teams"))
                .claims(new AppProfile(Optional.empty(), Optional.empty(), List.of("Support"))).get(0);

        assertEquals(List.of("Support"), teams.value());
    }

    @Test
    void noOrganizationClaimNamedMeansNoOrganizationLookup() {
        OidcClaimSettings settings = settings(Map.of("organizationIdClaim", "", "organizationAliasClaim", "",
                "organizationNameClaim", "", "organizationDomainClaim", "", "teamParentGroup", "/teams"));

        assertEquals(false, settings.profile().organizationWanted());
    }

    @Test
    void anEmptyRoleTableEmitsNoRoleAndIsNoProblem() {
        OidcClaimSettings settings = settings(Map.of("roles", "[]", "teamParentGroup", "/teams"));

        assertEquals(Optional.empty(), settings.profile().roles());
        assertEquals(List.of(), settings.profile().problems());
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                // setting                                       option at fault     message part                            left out
                arguments(Map.of("roles", "admin=app-admin"), "roles", "is not a list of key/value pairs", "role left out"),
                arguments(Map.of("roles", "[{\"value\":\"app-admin\"}]"), "roles", "has a row without a key", "role left out"),
                arguments(Map.of("roles", "[{\"key\":\"admin\",\"value\":\"\"}]"), "roles", "empty value or role", "role left out"),
                arguments(Map.of("roles", "[{\"key\":\"admin\",\"value\":\"a\"},{\"key\":\"admin\",\"value\":\"b\"}]"),
                        "roles", "lists the key admin twice", "role left out"),
                arguments(Map.of("teamScope", "everywhere"), "teamScope",
                        "is everywhere but must be one of realm-group, organization", "teams left out"),
                arguments(Map.of("teamScope", "realm-group", "teamParentGroup", ""), "teamParentGroup",
                        "is required when teamScope is realm-group", "teams left out"),
                arguments(Map.of("teamParentGroup", " "), "teamParentGroup", "is required when teamScope is realm-group",
                        "teams left out"));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("badSettings")
    void aSettingThatCannotWorkLeavesOutOnlyWhatItFeeds(Map<String, String> config, String option, String message,
                                                        String leftOut) {
        Map<String, String> working = new HashMap<>(Map.of("teamParentGroup", "/teams", "roles", ROLES));
        working.putAll(config);
        OidcClaimSettings settings = settings(working);

        List<SettingProblem> problems = settings.profile().problems();
        assertEquals(1, problems.size(), problems.toString());
        SettingProblem problem = problems.get(0);
        assertEquals(option, problem.option());
        assertTrue(problem.message().contains("mapper \"app claims\" option " + option), problem.message());
        assertTrue(problem.message().contains(message), problem.message());
        assertTrue(problem.message().endsWith("; " + leftOut), problem.message());
        // the organization claims do not depend on the broken setting
        assertTrue(settings.claims(CAROL).stream().anyMatch(claim -> claim.name().equals("org_id")));
        if (option.equals("roles")) {
            assertEquals(Optional.empty(), settings.profile().roles());
            assertTrue(settings.profile().teams().isPresent());
        } else {
            assertEquals(Optional.empty(), settings.profile().teams());
            assertTrue(settings.profile().roles().isPresent());
        }
    }

    @Test
    void aBrokenSettingForAClaimLeftOutIsNoProblem() {
        OidcClaimSettings settings = settings(Map.of("roleClaim", "", "roles", "not json",
                "teamsClaim", "", "teamScope", "everywhere"));

        assertEquals(List.of(), settings.profile().problems());
    }

    @Test
    void theTableKeepsTheAdminsRowOrder() {
        RoleTable table = settings(Map.of("roles",
                "[{\"key\":\"sender\",\"value\":\"app-sender\"},{\"key\":\"admin\",\"value\":\"app.admin\"}]",
                "teamParentGroup", "/teams")).profile().roles().orElseThrow();

        assertEquals(List.of(new RoleTable.Entry("sender", "app-sender"), new RoleTable.Entry("admin", "app.admin")),
                table.entries());
    }

    @Test
    void theConsoleShowsClaimNamesTheTableTheScopeAndKeycloaksTokenSwitches() {
        List<String> names = OidcClaimSettings.PROPERTIES.stream().map(ProviderConfigProperty::getName).toList();

        assertEquals(List.of("organizationIdClaim", "organizationAliasClaim", "organizationNameClaim",
                "organizationDomainClaim", "roleClaim", "roles", "teamsClaim", "teamScope", "teamParentGroup",
                "id.token.claim", "access.token.claim", "lightweight.claim", "userinfo.token.claim",
                "introspection.token.claim"), names);
    }
}
