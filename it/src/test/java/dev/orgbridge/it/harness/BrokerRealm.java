package dev.orgbridge.it.harness;

import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * The demo's broker realm plus the SaaS app itself: an OIDC client and a SAML client whose landing URLs are
 * the {@link AppLanding} server.
 */
public final class BrokerRealm implements RealmConfig {

    public static final String OIDC_APP = "app";
    public static final String OIDC_APP_SECRET = "app-secret";
    public static final String SAML_APP = "app-saml";
    public static final String SAML_APP_URL_NAME = "app-saml";

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.clients(oidcApp(), samlApp()).identityProviders(ScriptedEmail.brokerIdentityProvider());
    }

    private static ClientRepresentation oidcApp() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(OIDC_APP);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setSecret(OIDC_APP_SECRET);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setRedirectUris(List.of(AppLanding.get().oidcCallback()));
        return client;
    }

    private static ClientRepresentation samlApp() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(SAML_APP);
        client.setProtocol("saml");
        client.setRedirectUris(List.of(AppLanding.get().baseUrl() + "/*"));
        client.setAttributes(Map.of(
                "saml_idp_initiated_sso_url_name", SAML_APP_URL_NAME,
                "saml_assertion_consumer_url_post", AppLanding.get().samlAcs(),
                "saml.server.signature", "true",
                "saml.client.signature", "false",
                "saml.force.post.binding", "true",
                "saml.authnstatement", "true",
                "saml_name_id_format", "username",
                "saml_force_name_id_format", "true"));
        return client;
    }
}
