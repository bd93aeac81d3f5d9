package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.it.harness.BundleJar;
import dev.orgbridge.it.harness.OrgbridgeAdminApi;
import dev.orgbridge.it.harness.OrgbridgeServer;
import dev.orgbridge.it.harness.PasswordGrant;
import dev.orgbridge.it.harness.ServerInfoAssertions;
import dev.orgbridge.it.harness.TestUsers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ProtocolMapperTypeRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.util.JsonSerialization;

/** An admin deploys the one bundle jar and finds every Orgbridge provider and theme in Keycloak. */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class ServerInfoIT {

    @InjectAdminClient
    Keycloak admin;

    @InjectRealm
    ManagedRealm realm;

    @Test
    void serverInfoListsEveryBundledProviderWithItsVersion() {
        ServerInfoAssertions.assertEveryBundledProviderLoaded(admin.serverInfo().getInfo());
    }

    @Test
    void serverInfoOffersTheProtocolMappersForTheirProtocols() {
        Map<String, List<ProtocolMapperTypeRepresentation>> types = admin.serverInfo().getInfo().getProtocolMapperTypes();
        Map<String, String> expected = Map.of(
                "orgbridge-oidc-app-claims", "openid-connect",
                "orgbridge-saml-app-attributes", "saml");

        expected.forEach((id, protocol) -> assertTrue(types.get(protocol).stream().anyMatch(t -> t.getId().equals(id)),
                id + " is offered for " + protocol));
        assertTrue(BundleJar.providerIds().containsAll(expected.keySet()), "the bundle registers the protocol mappers");
    }

    @Test
    void everyProviderIdIsNamespaced() {
        for (String id : BundleJar.providerIds()) {
            // "orgbridge" itself is the admin REST extension: its id is the URL segment /admin/realms/{realm}/orgbridge
            assertTrue(id.equals("orgbridge") || id.startsWith("orgbridge-"), id + " starts with orgbridge-");
        }
    }

    @Test
    void serverInfoListsTheBundledThemesInFourLanguages() {
        ServerInfoAssertions.assertBundledThemesLoaded(admin.serverInfo().getInfo());
    }

    @Test
    void adminReadsInstallationInfoFromTheAdminApi() throws Exception {
        HttpResponse<String> response = getInfo(realm.getName(), admin.tokenManager().getAccessTokenString());

        assertEquals(200, response.statusCode(), response.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> info = JsonSerialization.readValue(response.body(), Map.class);
        assertEquals(BundleJar.version(), info.get("version"));
        @SuppressWarnings("unchecked")
        List<Map<String, String>> providers = (List<Map<String, String>>) info.get("providers");
        assertEquals(BundleJar.providerIds(),
                providers.stream().map(p -> p.get("id")).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void installationInfoNeedsAToken() throws Exception {
        assertEquals(401, getInfo(realm.getName(), null).statusCode());
    }

    @Test
    void installationInfoNeedsViewRealm() throws Exception {
        TestUsers.create(realm.admin(), "no-admin-rights", "no-admin-rights@example.com", true, "password");
        String token = PasswordGrant.accessToken(realm.getName(), "no-admin-rights", "password");

        assertEquals(403, getInfo(realm.getName(), token).statusCode());
    }

    private static HttpResponse<String> getInfo(String realmName, String token) {
        return OrgbridgeAdminApi.get(realmName, "info", token);
    }
}
