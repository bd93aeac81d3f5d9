package dev.orgbridge.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.util.JsonSerialization;

/**
 * A test-only identity provider whose ID token carries whatever email (verified), company name, region, division and
 * user type the test scripts, for any user: the way to present malformed, mixed-case or foreign-domain emails that no real directory
 * would hold, and claims that change between logins.
 */
public final class ScriptedEmail {

    static final String CLIENT_ID = "scripted-email-broker";
    private static final String SECRET = "scripted-secret";
    private static final String MAPPER_PREFIX = "scripted ";

    private ScriptedEmail() {
    }

    /** Makes the scripted IdP assert this email (verified) for the next logins. */
    public static void assertEmail(ManagedRealm customerIdp, String email) {
        assertClaim(customerIdp, "email", email);
    }

    /**
     * Makes the scripted IdP send these values for its list claims {@code division} and {@code userType}: a JSON
     * array, empty to send none. Any string goes, including ones no directory would hold.
     */
    public static void assertValues(ManagedRealm customerIdp, String claim, String... values) {
        try {
            assertClaim(customerIdp, claim, JsonSerialization.writeValueAsString(List.of(values)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the scripted IdP send this value for one of its scripted claims: email, organization, region, employeeId. */
    public static void assertClaim(ManagedRealm customerIdp, String claim, String value) {
        var client = customerIdp.admin().clients().findByClientId(CLIENT_ID).get(0);
        var mappers = customerIdp.admin().clients().get(client.getId()).getProtocolMappers();
        ProtocolMapperRepresentation mapper = mappers.getMappers().stream()
                .filter(m -> (MAPPER_PREFIX + claim).equals(m.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("the scripted IdP has no claim " + claim));
        mapper.getConfig().put("claim.value", value);
        mappers.update(mapper.getId(), mapper);
    }

    static ClientRepresentation customerClient() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(CLIENT_ID);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setSecret(SECRET);
        client.setStandardFlowEnabled(true);
        client.setRedirectUris(List.of(brokerEndpoint()));
        // no "email" scope: the only email claim is the scripted one
        client.setDefaultClientScopes(List.of("profile"));
        client.setOptionalClientScopes(List.of());
        client.setProtocolMappers(List.of(
                hardcodedClaim("email", "String", "scripted@example.com"),
                hardcodedClaim("email_verified", "boolean", "true"),
                hardcodedClaim("organization", "String", "Scripted Company"),
                hardcodedClaim("region", "String", "EMEA"),
                hardcodedClaim("division", "JSON", "[]"),
                hardcodedClaim("userType", "JSON", "[]"),
                hardcodedClaim("employeeId", "String", "none")));
        return client;
    }

    static IdentityProviderRepresentation brokerIdentityProvider() {
        String idp = OrgbridgeServer.BASE_URL + "/realms/" + DemoRealms.CUSTOMER_IDP + "/protocol/openid-connect";
        IdentityProviderRepresentation provider = new IdentityProviderRepresentation();
        provider.setAlias(CustomerIdp.SCRIPTED_OIDC.alias());
        provider.setDisplayName("Scripted email (tests)");
        provider.setProviderId("oidc");
        provider.setEnabled(true);
        provider.setFirstBrokerLoginFlowAlias("orgbridge first broker login");
        provider.setPostBrokerLoginFlowAlias("orgbridge post broker login");
        provider.setConfig(new java.util.HashMap<>(Map.of(
                "clientId", CLIENT_ID,
                "clientSecret", SECRET,
                "clientAuthMethod", "client_secret_post",
                "authorizationUrl", idp + "/auth",
                "tokenUrl", idp + "/token",
                "jwksUrl", idp + "/certs",
                "validateSignature", "true",
                "useJwksUrl", "true",
                "defaultScope", "openid profile",
                "syncMode", "IMPORT")));
        return provider;
    }

    private static String brokerEndpoint() {
        return OrgbridgeServer.BASE_URL + "/realms/" + DemoRealms.BROKER + "/broker/"
                + CustomerIdp.SCRIPTED_OIDC.alias() + "/endpoint";
    }

    private static ProtocolMapperRepresentation hardcodedClaim(String claim, String type, String value) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(MAPPER_PREFIX + claim);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-hardcoded-claim-mapper");
        mapper.setConfig(new java.util.HashMap<>(Map.of(
                "claim.name", claim,
                "claim.value", value,
                "jsonType.label", type,
                "id.token.claim", "true",
                "access.token.claim", "true",
                "userinfo.token.claim", "true")));
        return mapper;
    }
}
