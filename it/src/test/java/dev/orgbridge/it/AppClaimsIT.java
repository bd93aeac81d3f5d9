package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.orgbridge.it.harness.Browser;
import dev.orgbridge.it.harness.BrokeredLoginTest;
import dev.orgbridge.it.harness.BrokerRealm;
import dev.orgbridge.it.harness.BrokerState;
import dev.orgbridge.it.harness.CustomerIdp;
import dev.orgbridge.it.harness.CustomerUser;
import dev.orgbridge.it.harness.DemoRealms;
import dev.orgbridge.it.harness.LoginOutcome;
import dev.orgbridge.it.harness.OrgbridgeServer;
import dev.orgbridge.it.harness.SamlAssertion;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.ProtocolMappersResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.util.JsonSerialization;

/**
 * The company's apps learn who signed in: organization, role and team arrive in the OIDC tokens and in the SAML
 * assertion, under the names each app expects.
 */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class AppClaimsIT extends BrokeredLoginTest {

    private static final String OIDC_MAPPER = "orgbridge app claims";
    private static final String SAML_MAPPER = "orgbridge app attributes";
    private static final String TEAMS = "/teams";
    private static final String SUPPORT = "/teams/Support";
    private static final String MANAGER = "app-manager";
    private static final String ROLES = "[{\"key\":\"manager\",\"value\":\"" + MANAGER + "\"}]";
    private static final List<String> ORGANIZATION_CLAIMS = List.of("org_id", "org_alias", "org_name", "org_domain");
    private static final List<String> ALL_CLAIMS = List.of("org_id", "org_alias", "org_name", "org_domain", "role",
            "teams");

    @InjectAdminClient
    Keycloak admin;

    private final HttpClient http = HttpClient.newHttpClient();
    /** What this test added to the realm, by path or name (ids change when a test re-imports the realm). */
    private final List<String> createdGroups = new ArrayList<>();
    private final List<String> createdRoles = new ArrayList<>();

    @BeforeEach
    void addTheMappersToTheApps() {
        ensureGroup(TEAMS);
        ensureGroup(SUPPORT);
        ensureRole(MANAGER);
        create(BrokerRealm.OIDC_APP, oidcMapper(OIDC_MAPPER, Map.of()));
        create(BrokerRealm.SAML_APP, samlMapper());
    }

    @AfterEach
    void removeTheMappers() {
        remove(BrokerRealm.OIDC_APP, OIDC_MAPPER);
        remove(BrokerRealm.SAML_APP, SAML_MAPPER);
        Collections.reverse(createdGroups);
        createdGroups.forEach(path -> groupId(path).ifPresent(id -> broker.admin().groups().group(id).remove()));
        createdRoles.stream().filter(name -> roleExists(name)).forEach(name -> broker.admin().roles().deleteRole(name));
    }

    @Test
    void appReadsTheEmployeesOrganizationRoleAndTeamFromEveryToken() throws Exception {
        makeSupportManager(firstLogin(CustomerUser.CAROL));

        LoginOutcome.OidcSignIn signIn = logInAgain(CustomerUser.CAROL);

        Map<String, Object> expected = Map.of("org_id", globexId(), "org_alias", "globex", "org_name", "Globex",
                "org_domain", "globex.com", "role", "manager", "teams", List.of("Support"));
        assertClaims(expected, signIn.idToken().getOtherClaims(), "ID token");
        assertClaims(expected, signIn.accessToken().getOtherClaims(), "access token");
        assertClaims(expected, userinfo(signIn.tokens().getToken()), "userinfo");
    }

    @Test
    void samlAppReadsTheAttributesItExpects() {
        browser.logInFromCustomerPortal(CustomerUser.CAROL).asSamlSignIn();
        makeSupportManager(userId(CustomerUser.CAROL));

        SamlAssertion assertion;
        try (Browser later = new Browser()) {
            assertion = later.logInFromCustomerPortal(CustomerUser.CAROL).asSamlSignIn().assertion();
        }

        Map<String, List<String>> expected = Map.of(
                "user_name", List.of("carol"),
                "user.email", List.of("carol@globex.com"),
                "givenName", List.of("Carol"),
                "familyName", List.of("Chen"),
                "userType", List.of("manager"),
                "division", List.of("Support"),
                "organization_name", List.of("Globex"),
                "organization_id", List.of(globexId()),
                // Keycloak's own default scope saml_organization: the alias, under its own name
                "organization", List.of("globex"));
        expected.forEach((name, values) -> assertEquals(values, assertion.attribute(name),
                "attribute " + name + " in " + assertion.attributes()));
    }

    @Test
    void roleGrantedThroughTheTeamCounts() {
        String carol = firstLogin(CustomerUser.CAROL);
        String support = groupId(SUPPORT).orElseThrow();
        broker.admin().groups().group(support).roles().realmLevel().add(List.of(role(MANAGER)));
        try {
            broker.admin().users().get(carol).joinGroup(support);

            Map<String, Object> claims = logInAgain(CustomerUser.CAROL).idToken().getOtherClaims();

            assertEquals("manager", claims.get("role"), claims.toString());
        } finally {
            broker.admin().groups().group(support).roles().realmLevel().remove(List.of(role(MANAGER)));
        }
    }

    @Test
    void claimSwitchedOffForTheIdTokenStaysInTheAccessToken() {
        update(BrokerRealm.OIDC_APP, OIDC_MAPPER, Map.of("id.token.claim", "false"));

        LoginOutcome.OidcSignIn signIn = browser.logInToApp(CustomerIdp.SAML, CustomerUser.CAROL).asOidcSignIn();

        assertNoClaims(signIn.idToken().getOtherClaims(), "ID token");
        assertEquals("globex", signIn.accessToken().getOtherClaims().get("org_alias"));
    }

    @Test
    void userWithoutOrganizationGetsNoOrganizationClaims() throws Exception {
        LoginOutcome.OidcSignIn signIn = browser.logInToApp(CustomerIdp.OIDC, CustomerUser.DAN).asOidcSignIn();

        // Dan (personal mail, no division or userType) has no organization; the demo's IdP mappers gave him the
        // just-in-time team, which the app still receives, and app-sender, which this mapper's table does not list
        for (Map<String, Object> claims : List.of(signIn.idToken().getOtherClaims(),
                signIn.accessToken().getOtherClaims(), userinfo(signIn.tokens().getToken()))) {
            ORGANIZATION_CLAIMS.forEach(name -> assertFalse(claims.containsKey(name), "no " + name + ": " + claims));
            assertFalse(claims.containsKey("role"), claims.toString());
            assertEquals(List.of("Unassigned"), claims.get("teams"), claims.toString());
        }
    }

    @Test
    void appChoosesTheClaimNames() {
        update(BrokerRealm.OIDC_APP, OIDC_MAPPER, Map.of("organizationIdClaim", "tenant_id",
                "organizationNameClaim", "tenant.name", "organizationAliasClaim", ""));

        Map<String, Object> claims = browser.logInToApp(CustomerIdp.SAML, CustomerUser.CAROL).asOidcSignIn()
                .idToken().getOtherClaims();

        assertEquals(globexId(), claims.get("tenant_id"), claims.toString());
        assertEquals(Map.of("name", "Globex"), claims.get("tenant"), "a dotted name nests, as in Keycloak's mappers");
        assertEquals("globex.com", claims.get("org_domain"));
        assertFalse(claims.containsKey("org_id"), "renamed: " + claims);
        assertFalse(claims.containsKey("org_alias"), "an empty name leaves the claim out: " + claims);
    }

    @Test
    void adminCannotSaveSettingsThatCannotWork() {
        Map<Map<String, String>, String> broken = Map.of(
                Map.of("teamScope", "everywhere"), "teamScope",
                Map.of("roles", "[{\"key\":\"admin\",\"value\":\"no-such-role\"}]"), "roles",
                Map.of("teamParentGroup", "/no-such-group"), "teamParentGroup");
        broken.forEach((config, option) -> {
            try (Response response = mappers(BrokerRealm.OIDC_APP).createMapper(oidcMapper("broken", config))) {
                String body = response.readEntity(String.class);
                assertEquals(400, response.getStatus(), body);
                assertTrue(body.contains("option " + option), body);
            }
        });
    }

    @Test
    void roleOrTeamParentDeletedAfterSavingLeavesOnlyTheirClaimsOut() {
        String temporary = "orgbridge-it-temporary";
        ensureRole(temporary);
        ensureGroup("/" + temporary);
        update(BrokerRealm.OIDC_APP, OIDC_MAPPER, Map.of(
                "roles", "[{\"key\":\"temporary\",\"value\":\"" + temporary + "\"}]",
                "teamParentGroup", "/" + temporary));
        broker.admin().roles().deleteRole(temporary);
        broker.admin().groups().group(groupId("/" + temporary).orElseThrow()).remove();

        Map<String, Object> claims = browser.logInToApp(CustomerIdp.SAML, CustomerUser.CAROL).asOidcSignIn()
                .idToken().getOtherClaims();

        assertEquals("globex", claims.get("org_alias"), "the token is still issued, with what still works");
        assertFalse(claims.containsKey("role"), claims.toString());
        assertFalse(claims.containsKey("teams"), claims.toString());
    }

    @Test
    void mappersAndTheirSettingsSurviveRealmExportAndImport() {
        update(BrokerRealm.OIDC_APP, OIDC_MAPPER, Map.of("organizationNameClaim", "company"));
        Map<String, String> oidcSettings = mapper(BrokerRealm.OIDC_APP, OIDC_MAPPER).getConfig();
        Map<String, String> samlSettings = mapper(BrokerRealm.SAML_APP, SAML_MAPPER).getConfig();

        exportAndImportTheRealm();

        assertEquals(oidcSettings, mapper(BrokerRealm.OIDC_APP, OIDC_MAPPER).getConfig());
        assertEquals(samlSettings, mapper(BrokerRealm.SAML_APP, SAML_MAPPER).getConfig());
        makeSupportManager(firstLogin(CustomerUser.CAROL));
        assertClaims(Map.of("org_alias", "globex", "company", "Globex", "org_domain", "globex.com",
                        "role", "manager", "teams", List.of("Support")),
                logInAgain(CustomerUser.CAROL).idToken().getOtherClaims(), "ID token after import");
    }

    // --- the user's story -------------------------------------------------------------------------------------

    /** The first login creates the account (through the SAML IdP, so the customer portal reaches it too). */
    private String firstLogin(CustomerUser user) {
        browser.logInToApp(CustomerIdp.SAML, user).asOidcSignIn();
        return userId(user);
    }

    /** A later login in a new browser: tokens built from the account as the admin left it. */
    private static LoginOutcome.OidcSignIn logInAgain(CustomerUser user) {
        try (Browser later = new Browser()) {
            return later.logInToApp(CustomerIdp.SAML, user).asOidcSignIn();
        }
    }

    private void makeSupportManager(String userId) {
        broker.admin().users().get(userId).joinGroup(groupId(SUPPORT).orElseThrow());
        broker.admin().users().get(userId).roles().realmLevel().add(List.of(role(MANAGER)));
    }

    private String userId(CustomerUser user) {
        return broker.admin().users().searchByEmail(user.email(), true).get(0).getId();
    }

    private String globexId() {
        return BrokerState.organizations(broker).stream().filter(o -> o.getAlias().equals("globex"))
                .map(OrganizationRepresentation::getId).findFirst().orElseThrow();
    }

    private Map<String, Object> userinfo(String accessToken) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(OrgbridgeServer.BASE_URL
                        + "/realms/" + DemoRealms.BROKER + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + accessToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JsonSerialization.readValue(response.body(), new TypeReference<Map<String, Object>>() { });
    }

    private static void assertClaims(Map<String, Object> expected, Map<String, Object> claims, String where) {
        expected.forEach((name, value) -> assertEquals(value, claims.get(name),
                where + " claim " + name + " in " + claims));
    }

    private static void assertNoClaims(Map<String, Object> claims, String where) {
        ALL_CLAIMS.forEach(name -> assertFalse(claims.containsKey(name), where + " has no " + name + ": " + claims));
    }

    // --- the admin's side -------------------------------------------------------------------------------------

    private static ProtocolMapperRepresentation oidcMapper(String name, Map<String, String> settings) {
        // as the admin console saves a new mapper: every name pre-filled with its default
        Map<String, String> config = new HashMap<>(Map.of(
                "organizationIdClaim", "org_id",
                "organizationAliasClaim", "org_alias",
                "organizationNameClaim", "org_name",
                "organizationDomainClaim", "org_domain",
                "roleClaim", "role",
                "teamsClaim", "teams",
                "roles", ROLES,
                "teamScope", "realm-group",
                "teamParentGroup", TEAMS));
        config.putAll(Map.of(
                "id.token.claim", "true",
                "access.token.claim", "true",
                "lightweight.claim", "false",
                "userinfo.token.claim", "true",
                "introspection.token.claim", "true"));
        config.putAll(settings);
        return mapperRepresentation(name, "openid-connect", "orgbridge-oidc-app-claims", config);
    }

    private static ProtocolMapperRepresentation samlMapper() {
        Map<String, String> config = new HashMap<>(Map.of(
                "userNameAttribute", "user_name",
                "emailAttribute", "user.email",
                "givenNameAttribute", "givenName",
                "familyNameAttribute", "familyName",
                "roleAttribute", "userType",
                "teamAttribute", "division",
                "organizationNameAttribute", "organization_name",
                "organizationIdAttribute", "organization_id"));
        config.putAll(Map.of(
                "roles", ROLES,
                "teamScope", "realm-group",
                "teamParentGroup", TEAMS,
                "nameFormat", "Basic"));
        return mapperRepresentation(SAML_MAPPER, "saml", "orgbridge-saml-app-attributes", config);
    }

    private static ProtocolMapperRepresentation mapperRepresentation(String name, String protocol, String providerId,
                                                                     Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol(protocol);
        mapper.setProtocolMapper(providerId);
        mapper.setConfig(new HashMap<>(config));
        return mapper;
    }

    private ClientResource client(String clientId) {
        return broker.admin().clients().get(broker.admin().clients().findByClientId(clientId).get(0).getId());
    }

    private ProtocolMappersResource mappers(String clientId) {
        return client(clientId).getProtocolMappers();
    }

    private ProtocolMapperRepresentation mapper(String clientId, String name) {
        return mappers(clientId).getMappers().stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("client " + clientId + " has no mapper " + name));
    }

    private void create(String clientId, ProtocolMapperRepresentation mapper) {
        assertCreated(mappers(clientId).createMapper(mapper));
    }

    private void update(String clientId, String name, Map<String, String> settings) {
        ProtocolMapperRepresentation mapper = mapper(clientId, name);
        mapper.getConfig().putAll(settings);
        mappers(clientId).update(mapper.getId(), mapper);
    }

    private void remove(String clientId, String name) {
        mappers(clientId).getMappers().stream().filter(m -> m.getName().equals(name))
                .forEach(m -> mappers(clientId).delete(m.getId()));
    }

    private void ensureGroup(String path) {
        if (groupId(path).isPresent()) {
            return;
        }
        int slash = path.lastIndexOf('/');
        GroupRepresentation group = groupNamed(path.substring(slash + 1));
        if (slash == 0) {
            assertCreated(broker.admin().groups().add(group));
        } else {
            assertCreated(broker.admin().groups().group(groupId(path.substring(0, slash)).orElseThrow()).subGroup(group));
        }
        createdGroups.add(path);
    }

    private Optional<String> groupId(String path) {
        try {
            return Optional.of(broker.admin().getGroupByPath(path).getId());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private void ensureRole(String name) {
        if (!roleExists(name)) {
            broker.admin().roles().create(roleNamed(name));
            createdRoles.add(name);
        }
    }

    private boolean roleExists(String name) {
        try {
            broker.admin().roles().get(name).toRepresentation();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private RoleRepresentation role(String name) {
        return broker.admin().roles().get(name).toRepresentation();
    }

    private static RoleRepresentation roleNamed(String name) {
        RoleRepresentation role = new RoleRepresentation();
        role.setName(name);
        return role;
    }

    private static GroupRepresentation groupNamed(String name) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        return group;
    }

    private static void assertCreated(Response response) {
        try (response) {
            assertEquals(201, response.getStatus(), response.readEntity(String.class));
        }
    }

    private void exportAndImportTheRealm() {
        BrokerState.exportAndReimport(admin, broker);
    }
}
