package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.it.harness.Browser;
import dev.orgbridge.it.harness.BrokerState;
import dev.orgbridge.it.harness.BrokeredLoginTest;
import dev.orgbridge.it.harness.CustomerDirectory;
import dev.orgbridge.it.harness.CustomerIdp;
import dev.orgbridge.it.harness.CustomerUser;
import dev.orgbridge.it.harness.IdpMappers;
import dev.orgbridge.it.harness.LoginMessages;
import dev.orgbridge.it.harness.LoginOutcome;
import dev.orgbridge.it.harness.OrgbridgeAdminApi;
import dev.orgbridge.it.harness.OrgbridgeServer;
import dev.orgbridge.it.harness.ScriptedEmail;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * A customer's directory decides the user's team and role in the app: {@code division} names the team (a child of
 * /teams), {@code userType} picks one role of the allow-list admin, department_admin, manager, sender (see
 * docs/idp-mappers.md). The demo realm's mappers "division to team" and "userType to role" do it for acme-oidc and
 * acme-saml; the scripted IdP gets copies for values no real directory would hold.
 */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class GroupsAndRolesFromIdentityProviderIT extends BrokeredLoginTest {

    private static final String TEAM_MAPPER = "division to team";
    private static final String ROLE_MAPPER = "userType to role";
    private static final List<String> EXPORTED_TEAMS = List.of("Engineering", "Sales", "Support", "Unassigned");

    @InjectAdminClient
    Keycloak admin;

    private final List<Runnable> undo = new ArrayList<>();
    private CustomerDirectory directory;
    private long testStarted;

    @BeforeEach
    void start() {
        directory = new CustomerDirectory(customerIdp);
        testStarted = System.currentTimeMillis();
    }

    @AfterEach
    void undoChanges() {
        directory.letAllGo();
        Collections.reverse(undo);
        undo.forEach(Runnable::run);
        undo.clear();
        GroupRepresentation teams = broker.admin().getGroupByPath("/teams");
        broker.admin().groups().group(teams.getId()).getSubGroups(0, 100, true).stream()
                .filter(team -> !EXPORTED_TEAMS.contains(team.getName()))
                .forEach(team -> broker.admin().groups().group(team.getId()).remove());
    }

    @ParameterizedTest
    @EnumSource(value = CustomerIdp.class, names = {"OIDC", "SAML"})
    void employeeJoinsTheTeamOfTheirDivisionAndGetsTheRoleOfTheirUserType(CustomerIdp idp) {
        CustomerUser erin = directory.hire("erin", "erin@acme.com",
                Map.of("division", List.of("Sales"), "userType", List.of("manager")));

        browser.logInToApp(idp, erin).asOidcSignIn();

        assertEquals(List.of("/teams/Sales"), groupsOf(erin));
        assertEquals(List.of("app-manager"), appRolesOf(erin));
        AdminEventRepresentation joined = onlyAdminEvent("GROUP_MEMBERSHIP", "CREATE");
        assertEquals(Map.of("orgbridge_mapper", TEAM_MAPPER, "identity_provider", idp.alias(),
                "orgbridge_attribute", "division", "orgbridge_value", "Sales", "orgbridge_cause", "asserted"),
                joined.getDetails());
        assertTrue(joined.getResourcePath().startsWith("users/" + userId(erin) + "/groups/"), joined.getResourcePath());
        AdminEventRepresentation granted = onlyAdminEvent("REALM_ROLE_MAPPING", "CREATE");
        assertEquals("manager", granted.getDetails().get("orgbridge_value"));
        assertEquals(ROLE_MAPPER, granted.getDetails().get("orgbridge_mapper"));
    }

    @ParameterizedTest
    @EnumSource(value = CustomerIdp.class, names = {"OIDC", "SAML"})
    void employeeWithoutDivisionOrUserTypeGetsTheJustInTimeTeamAndTheLowestRole(CustomerIdp idp) {
        CustomerUser frank = directory.hire("frank", "frank@acme.com", Map.of());

        browser.logInToApp(idp, frank).asOidcSignIn();

        assertEquals(List.of("/teams/Unassigned"), groupsOf(frank));
        assertEquals(List.of("app-sender"), appRolesOf(frank));
        assertEquals("default", onlyAdminEvent("GROUP_MEMBERSHIP", "CREATE").getDetails().get("orgbridge_cause"));
        assertEquals("default", onlyAdminEvent("REALM_ROLE_MAPPING", "CREATE").getDetails().get("orgbridge_cause"));
    }

    @ParameterizedTest
    @EnumSource(value = CustomerIdp.class, names = {"OIDC", "SAML"})
    void everyDivisionOfAMultiValuedAttributeSelectsItsTeam(CustomerIdp idp) {
        CustomerUser grace = directory.hire("grace", "grace@acme.com",
                Map.of("division", List.of("Sales", "Support")));

        browser.logInToApp(idp, grace).asOidcSignIn();

        assertEquals(List.of("/teams/Sales", "/teams/Support"), groupsOf(grace));
    }

    @ParameterizedTest
    @EnumSource(value = CustomerIdp.class, names = {"OIDC", "SAML"})
    void forceSyncFollowsTheIdentityProviderAndKeepsGroupsAssignedByHand(CustomerIdp idp) {
        changeMapper(idp, TEAM_MAPPER, Map.of("syncMode", "FORCE"));
        changeMapper(idp, ROLE_MAPPER, Map.of("syncMode", "FORCE"));
        CustomerUser heidi = directory.hire("heidi", "heidi@acme.com",
                Map.of("division", List.of("Sales"), "userType", List.of("manager")));
        browser.logInToApp(idp, heidi).asOidcSignIn();
        String staff = broker.admin().getGroupByPath("/staff").getId();
        broker.admin().users().get(userId(heidi)).joinGroup(staff);

        directory.change(heidi, Map.of("division", List.of("Support"), "userType", List.of("admin")));
        try (Browser nextDay = new Browser()) {
            nextDay.logInToApp(idp, heidi).asOidcSignIn();
        }

        assertEquals(List.of("/staff", "/teams/Support"), groupsOf(heidi));
        assertEquals(List.of("app-admin"), appRolesOf(heidi));
        AdminEventRepresentation left = onlyAdminEvent("GROUP_MEMBERSHIP", "DELETE");
        assertEquals("no-longer-asserted", left.getDetails().get("orgbridge_cause"));
        assertTrue(left.getRepresentation().contains("Sales"), left.getRepresentation());
        assertTrue(onlyAdminEvent("REALM_ROLE_MAPPING", "DELETE").getRepresentation().contains("app-manager"));
        List<Map<String, Object>> why = OrgbridgeAdminApi.grants(broker.getName(), userId(heidi),
                admin.tokenManager().getAccessTokenString());
        assertEquals(List.of("group /teams/Support Support asserted true", "role app-admin admin asserted true"),
                why.stream().map(g -> g.get("kind") + " " + g.get("targetName") + " " + g.get("value") + " "
                        + g.get("cause") + " " + g.get("held")).toList());
        assertEquals(Set.of(TEAM_MAPPER, ROLE_MAPPER), why.stream().map(g -> g.get("mapperName")).collect(
                Collectors.toSet()));
        assertEquals(Set.of(idp.alias()), why.stream().map(g -> g.get("identityProvider")).collect(Collectors.toSet()));
    }

    @Test
    void grantRecordsSayWhichMapperGaveWhatAndWhetherTheUserStillHoldsIt() {
        CustomerUser vera = directory.hire("vera", "vera@acme.com",
                Map.of("division", List.of("Sales"), "userType", List.of("manager")));
        browser.logInToApp(CustomerIdp.OIDC, vera).asOidcSignIn();
        String team = broker.admin().getGroupByPath("/teams/Sales").getId();
        broker.admin().users().get(userId(vera)).leaveGroup(team);

        List<Map<String, Object>> why = OrgbridgeAdminApi.grants(broker.getName(), userId(vera),
                admin.tokenManager().getAccessTokenString());

        assertEquals(List.of("group /teams/Sales division false", "role app-manager userType true"),
                why.stream().map(g -> g.get("kind") + " " + g.get("targetName") + " " + g.get("attribute") + " "
                        + g.get("held")).toList());
        assertEquals(404, OrgbridgeAdminApi.get(broker.getName(), "users/no-such-user/grants",
                admin.tokenManager().getAccessTokenString()).statusCode());
        assertEquals(401, OrgbridgeAdminApi.get(broker.getName(), "users/" + userId(vera) + "/grants", null)
                .statusCode());
    }

    @ParameterizedTest
    @EnumSource(value = CustomerIdp.class, names = {"OIDC", "SAML"})
    void importSyncLeavesLaterChangesAlone(CustomerIdp idp) {
        CustomerUser ivan = directory.hire("ivan", "ivan@acme.com",
                Map.of("division", List.of("Sales"), "userType", List.of("manager")));
        browser.logInToApp(idp, ivan).asOidcSignIn();

        directory.change(ivan, Map.of("division", List.of("Support"), "userType", List.of("admin")));
        try (Browser nextDay = new Browser()) {
            nextDay.logInToApp(idp, ivan).asOidcSignIn();
        }

        assertEquals(List.of("/teams/Sales"), groupsOf(ivan));
        assertEquals(List.of("app-manager"), appRolesOf(ivan));
    }

    @ParameterizedTest(name = "ignoreCase={0}: {1} -> {2}")
    @CsvSource(textBlock = """
            false, Sales, /teams/Sales
            false, sales, ''
            true,  sales, /teams/Sales
            true,  SALES, /teams/Sales
            """)
    void caseVariantsSelectATeamOnlyWhenTheMapperIgnoresCase(boolean ignoreCase, String division, String team) {
        CustomerUser user = scripted("judy@gmail.com");
        changeMapper(CustomerIdp.SCRIPTED_OIDC, TEAM_MAPPER, Map.of("ignoreCase", Boolean.toString(ignoreCase)));
        ScriptedEmail.assertValues(customerIdp, "division", division);

        browser.logInToApp(CustomerIdp.SCRIPTED_OIDC, user).asOidcSignIn();

        assertEquals(team.isEmpty() ? List.of() : List.of(team), groupsOf("judy@gmail.com"));
    }

    @Test
    void unknownDivisionIsIgnoredWithAWarningByDefault() {
        CustomerUser user = scripted("karl@gmail.com");
        ScriptedEmail.assertValues(customerIdp, "division", "Marketing");

        browser.logInToApp(CustomerIdp.SCRIPTED_OIDC, user).asOidcSignIn();

        assertEquals(List.of(), groupsOf("karl@gmail.com"), "a value was sent: no default team");
        EventRepresentation warning = onlyWarning("orgbridge_unknown_group");
        assertEquals("Marketing", warning.getDetails().get("orgbridge_value"));
        assertEquals(TEAM_MAPPER, warning.getDetails().get("orgbridge_mapper"));
        assertEquals(userId("karl@gmail.com"), warning.getUserId());
    }

    @Test
    void unknownDivisionCreatesTheTeamWhenAllowed() {
        CustomerUser user = scripted("lena@gmail.com");
        changeMapper(CustomerIdp.SCRIPTED_OIDC, TEAM_MAPPER, Map.of("unknownValue", "create"));
        ScriptedEmail.assertValues(customerIdp, "division", "Marketing");

        browser.logInToApp(CustomerIdp.SCRIPTED_OIDC, user).asOidcSignIn();

        assertEquals(List.of("/teams/Marketing"), groupsOf("lena@gmail.com"));
        assertEquals("asserted-created",
                onlyAdminEvent("GROUP_MEMBERSHIP", "CREATE").getDetails().get("orgbridge_cause"));
    }

    @Test
    void unknownDivisionStopsTheLoginWhenConfiguredAndLeavesNoUser() {
        CustomerUser user = scripted("mia@gmail.com");
        changeMapper(CustomerIdp.SCRIPTED_OIDC, TEAM_MAPPER, Map.of("unknownValue", "deny"));
        ScriptedEmail.assertValues(customerIdp, "division", "Marketing");

        LoginOutcome.PageShown page = browser.logInToApp(CustomerIdp.SCRIPTED_OIDC, user).asPageShown();

        assertEquals(LoginMessages.english("orgbridgeUnknownGroup"), page.message());
        EventRepresentation denial = onlyDenial();
        assertEquals("orgbridge_unknown_group", denial.getError());
        assertEquals("Marketing", denial.getDetails().get("orgbridge_value"));
        assertEquals(List.of(), broker.admin().users().searchByEmail("mia@gmail.com", true));
    }

    @Test
    void divisionsCannotReachGroupsOutsideTheirScope() {
        CustomerUser user = scripted("nick@gmail.com");
        changeMapper(CustomerIdp.SCRIPTED_OIDC, TEAM_MAPPER, Map.of("unknownValue", "create"));
        ScriptedEmail.assertValues(customerIdp, "division", "../staff", "/staff", "/teams/Sales", "Sales/../../staff",
                "..", ".");

        browser.logInToApp(CustomerIdp.SCRIPTED_OIDC, user).asOidcSignIn();

        assertEquals(List.of(), groupsOf("nick@gmail.com"));
        String staff = broker.admin().getGroupByPath("/staff").getId();
        assertEquals(List.of(), broker.admin().groups().group(staff).members());
        assertEquals(EXPORTED_TEAMS, teams(), "no group was created");
        assertEquals(6, warnings("orgbridge_not_a_group_name").size());
    }

    @Test
    void untidyValuesAreCleanedAndUnusableOnesReportedEscaped() {
        CustomerUser user = scripted("olga@gmail.com");
        ScriptedEmail.assertValues(customerIdp, "division", "  Sales\t", "", "x".repeat(300),
                "<script>alert(1)</script>", "Support\nAdmins");

        browser.logInToApp(CustomerIdp.SCRIPTED_OIDC, user).asOidcSignIn();

        assertEquals(List.of("/teams/Sales"), groupsOf("olga@gmail.com"));
        assertEquals("x".repeat(64) + "…",
                onlyWarning("orgbridge_value_too_long").getDetails().get("orgbridge_value"));
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;",
                onlyWarning("orgbridge_unknown_group").getDetails().get("orgbridge_value"));
        assertEquals("Support\uFFFDAdmins",
                onlyWarning("orgbridge_value_has_control_characters").getDetails().get("orgbridge_value"));
    }

    @Test
    void unknownUserTypeGetsTheLowestRoleWithAWarning() {
        CustomerUser user = scripted("paul@gmail.com");
        ScriptedEmail.assertValues(customerIdp, "userType", "superuser");

        browser.logInToApp(CustomerIdp.SCRIPTED_OIDC, user).asOidcSignIn();

        assertEquals(List.of("app-sender"), appRolesOf("paul@gmail.com"));
        assertEquals("superuser", onlyWarning("orgbridge_unknown_role").getDetails().get("orgbridge_value"));
        assertEquals("unknown-value",
                onlyAdminEvent("REALM_ROLE_MAPPING", "CREATE").getDetails().get("orgbridge_cause"));
    }

    @Test
    void unknownUserTypeStopsTheLoginWhenConfigured() {
        CustomerUser user = scripted("quinn@gmail.com");
        changeMapper(CustomerIdp.SCRIPTED_OIDC, ROLE_MAPPER, Map.of("unknownValue", "deny"));
        ScriptedEmail.assertValues(customerIdp, "userType", "superuser");

        LoginOutcome.PageShown page = browser.logInToApp(CustomerIdp.SCRIPTED_OIDC, user).asPageShown();

        assertEquals(LoginMessages.english("orgbridgeUnknownRole"), page.message());
        assertEquals("orgbridge_unknown_role", onlyDenial().getError());
        assertEquals(List.of(), broker.admin().users().searchByEmail("quinn@gmail.com", true));
    }

    @Test
    void severalUserTypesGrantTheFirstWithAWarning() {
        CustomerUser user = scripted("rosa@gmail.com");
        ScriptedEmail.assertValues(customerIdp, "userType", "manager", "admin");

        browser.logInToApp(CustomerIdp.SCRIPTED_OIDC, user).asOidcSignIn();

        assertEquals(List.of("app-manager"), appRolesOf("rosa@gmail.com"));
        assertEquals("admin", onlyWarning("orgbridge_extra_value").getDetails().get("orgbridge_value"));
    }

    @Test
    void severalUserTypesStopTheLoginWhenConfigured() {
        CustomerUser user = scripted("sam@gmail.com");
        changeMapper(CustomerIdp.SCRIPTED_OIDC, ROLE_MAPPER, Map.of("multipleValues", "deny"));
        ScriptedEmail.assertValues(customerIdp, "userType", "manager", "admin");

        LoginOutcome.PageShown page = browser.logInToApp(CustomerIdp.SCRIPTED_OIDC, user).asPageShown();

        assertEquals(LoginMessages.english("orgbridgeSeveralValues"), page.message());
        assertEquals("orgbridge_several_values", onlyDenial().getError());
        assertEquals(List.of(), broker.admin().users().searchByEmail("sam@gmail.com", true));
    }

    @Test
    void misconfiguredMapperStopsTheLoginAndNamesTheOption() {
        CustomerUser user = scripted("tina@gmail.com");
        changeMapper(CustomerIdp.SCRIPTED_OIDC, TEAM_MAPPER, Map.of("parentGroup", "/no-such-group"));

        LoginOutcome.PageShown page = browser.logInToApp(CustomerIdp.SCRIPTED_OIDC, user).asPageShown();

        assertEquals(LoginMessages.english("orgbridgeMisconfigured"), page.message());
        EventRepresentation denial = onlyDenial();
        assertEquals("orgbridge_misconfigured", denial.getError());
        assertEquals("parentGroup", denial.getDetails().get("orgbridge_option"));
        assertEquals(List.of(), broker.admin().users().searchByEmail("tina@gmail.com", true));
    }

    @Test
    void defaultGroupsAreJoinedAtFirstLogin() {
        CustomerUser user = scripted("uma@gmail.com");
        String mapper = IdpMappers.add(broker, CustomerIdp.SCRIPTED_OIDC, "everyone joins staff",
                "orgbridge-default-groups-idp-mapper", Map.of("scope", "realm-group", "groups", "/staff##/nowhere"));
        undo.add(() -> IdpMappers.remove(broker, CustomerIdp.SCRIPTED_OIDC, mapper));

        browser.logInToApp(CustomerIdp.SCRIPTED_OIDC, user).asOidcSignIn();

        assertEquals(List.of("/staff", "/teams/Unassigned"), groupsOf("uma@gmail.com"));
        assertEquals("/nowhere", onlyWarning("orgbridge_unknown_group").getDetails().get("orgbridge_value"));
    }

    @Test
    void organizationScopedTeamsAreTheGroupsOfTheUsersOrganization() {
        changeMapper(CustomerIdp.OIDC, TEAM_MAPPER, Map.of("scope", "organization", "defaultGroup", ""));
        String support = organizationGroup("Support");

        browser.logInToApp(CustomerIdp.OIDC, CustomerUser.CAROL).asOidcSignIn();

        String carol = userId(CustomerUser.CAROL);
        assertEquals(List.of(carol), globex().groups().group(support).getMembers(0, 10, true).stream()
                .map(UserRepresentation::getId).toList());
        assertEquals(List.of(), groupsOf(CustomerUser.CAROL), "no realm group: the scope is the organization");
    }

    @Test
    void organizationDefaultGroupsAreJoinedAtFirstLogin() {
        String everyone = organizationGroup("Everyone");
        String mapper = IdpMappers.add(broker, CustomerIdp.OIDC, "everyone at the company",
                "orgbridge-default-groups-idp-mapper", Map.of("scope", "organization", "groups", "/Everyone"));
        undo.add(() -> IdpMappers.remove(broker, CustomerIdp.OIDC, mapper));

        browser.logInToApp(CustomerIdp.OIDC, CustomerUser.CAROL).asOidcSignIn();

        assertEquals(List.of(userId(CustomerUser.CAROL)), globex().groups().group(everyone).getMembers(0, 10, true)
                .stream().map(UserRepresentation::getId).toList());
        assertEquals("default-group", onlyAdminEventOf("everyone at the company").getDetails().get("orgbridge_cause"));
    }

    @Test
    void organizationScopedDenialIsDecidedBeforeTheUserExists() {
        changeMapper(CustomerIdp.OIDC, TEAM_MAPPER, Map.of("scope", "organization", "defaultGroup", "",
                "unknownValue", "deny"));

        LoginOutcome.PageShown page = browser.logInToApp(CustomerIdp.OIDC, CustomerUser.CAROL).asPageShown();

        assertEquals(LoginMessages.english("orgbridgeUnknownGroup"), page.message());
        assertEquals(List.of(), broker.admin().users().searchByEmail(CustomerUser.CAROL.email(), true));
        assertEquals(List.of(), globex().members().list(0, 10).stream().map(UserRepresentation::getEmail).toList());
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The scripted IdP with copies of the demo's mappers, asserting this (personal, so no organization) email. */
    private CustomerUser scripted(String email) {
        List<String> copies = IdpMappers.copy(broker, CustomerIdp.OIDC, CustomerIdp.SCRIPTED_OIDC);
        undo.add(() -> copies.forEach(id -> IdpMappers.remove(broker, CustomerIdp.SCRIPTED_OIDC, id)));
        ScriptedEmail.assertEmail(customerIdp, email);
        undo.add(() -> {
            ScriptedEmail.assertValues(customerIdp, "division");
            ScriptedEmail.assertValues(customerIdp, "userType");
        });
        return CustomerUser.ALICE; // who signs in at the IdP; the claims are the scripted ones
    }

    private void changeMapper(CustomerIdp idp, String mapper, Map<String, String> options) {
        var before = IdpMappers.change(broker, idp, mapper, options);
        undo.add(() -> IdpMappers.restore(broker, idp, before));
    }

    private String organizationGroup(String name) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        globex().groups().addTopLevelGroup(group).close();
        String id = globex().groups().getAll(name, null, true, 0, 10, false, false).get(0).getId();
        undo.add(() -> globex().groups().group(id).delete());
        return id;
    }

    private org.keycloak.admin.client.resource.OrganizationResource globex() {
        OrganizationRepresentation globex = BrokerState.organizations(broker).stream()
                .filter(o -> o.getAlias().equals("globex")).findFirst().orElseThrow();
        return broker.admin().organizations().get(globex.getId());
    }

    private List<String> teams() {
        GroupRepresentation teams = broker.admin().getGroupByPath("/teams");
        return broker.admin().groups().group(teams.getId()).getSubGroups(0, 100, true).stream()
                .map(GroupRepresentation::getName).sorted().toList();
    }

    private String userId(CustomerUser user) {
        return userId(user.email());
    }

    private String userId(String email) {
        List<UserRepresentation> users = broker.admin().users().searchByEmail(email, true);
        assertEquals(1, users.size(), "broker users with email " + email);
        return users.get(0).getId();
    }

    private List<String> groupsOf(CustomerUser user) {
        return groupsOf(user.email());
    }

    private List<String> groupsOf(String email) {
        return broker.admin().users().get(userId(email)).groups().stream()
                .map(GroupRepresentation::getPath).sorted().toList();
    }

    private List<String> appRolesOf(CustomerUser user) {
        return appRolesOf(user.email());
    }

    private List<String> appRolesOf(String email) {
        return broker.admin().users().get(userId(email)).roles().realmLevel().listAll().stream()
                .map(RoleRepresentation::getName).filter(name -> name.startsWith("app-")).sorted().toList();
    }

    private AdminEventRepresentation onlyAdminEvent(String resourceType, String operation) {
        List<AdminEventRepresentation> events = broker.admin().getAdminEvents().stream()
                .filter(e -> e.getTime() >= testStarted)
                .filter(e -> resourceType.equals(e.getResourceType()) && operation.equals(e.getOperationType()))
                .filter(e -> e.getDetails() != null && e.getDetails().containsKey("orgbridge_mapper"))
                .toList();
        assertEquals(1, events.size(), resourceType + " " + operation + " events: "
                + events.stream().map(AdminEventRepresentation::getDetails).toList());
        return events.get(0);
    }

    private AdminEventRepresentation onlyAdminEventOf(String mapper) {
        List<AdminEventRepresentation> events = broker.admin().getAdminEvents().stream()
                .filter(e -> e.getTime() >= testStarted)
                .filter(e -> e.getDetails() != null && mapper.equals(e.getDetails().get("orgbridge_mapper")))
                .toList();
        assertEquals(1, events.size(), "events of " + mapper + ": "
                + events.stream().map(AdminEventRepresentation::getDetails).toList());
        return events.get(0);
    }

    private List<EventRepresentation> warnings(String code) {
        return broker.admin().getEvents(List.of("IDENTITY_PROVIDER_LOGIN"), null, null, null, null, null, 0, 100)
                .stream()
                .filter(e -> e.getTime() >= testStarted)
                .filter(e -> e.getDetails() != null && code.equals(e.getDetails().get("orgbridge_warning")))
                .toList();
    }

    private EventRepresentation onlyWarning(String code) {
        List<EventRepresentation> warnings = warnings(code);
        assertEquals(1, warnings.size(), code + " warnings: " + warnings.stream().map(e -> e.getDetails()).toList());
        return warnings.get(0);
    }

    private EventRepresentation onlyDenial() {
        List<EventRepresentation> denials = broker.admin()
                .getEvents(List.of("IDENTITY_PROVIDER_LOGIN_ERROR"), null, null, null, null, null, 0, 100).stream()
                .filter(e -> e.getTime() >= testStarted)
                .filter(e -> Objects.toString(e.getError()).startsWith("orgbridge_"))
                .toList();
        assertEquals(1, denials.size(), "denials: " + denials.stream().map(EventRepresentation::getError).toList());
        return denials.get(0);
    }
}
