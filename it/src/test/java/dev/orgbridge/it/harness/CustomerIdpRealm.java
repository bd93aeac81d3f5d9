package dev.orgbridge.it.harness;

import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * The demo's customer IdP realm, plus IdP-initiated SSO towards the broker: the customer's portal link
 * {@code /realms/acme-idp/protocol/saml/clients/app-broker} posts an unsolicited assertion to the broker's
 * {@code /broker/acme-saml/endpoint/clients/app-saml}.
 */
public final class CustomerIdpRealm implements RealmConfig {

    public static final String IDP_INITIATED_URL_NAME = "app-broker";

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        // build() hands out the representation being built, so editing it edits the realm to create
        ClientRepresentation samlBroker = realm.build().getClients().stream()
                .filter(c -> DemoRealms.CUSTOMER_SAML_CLIENT.equals(c.getClientId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("demo realm lost its SAML broker client"));
        samlBroker.getAttributes().put("saml_idp_initiated_sso_url_name", IDP_INITIATED_URL_NAME);
        samlBroker.getAttributes().put("saml_assertion_consumer_url_post",
                OrgbridgeServer.BASE_URL + "/realms/" + DemoRealms.BROKER + "/broker/" + CustomerIdp.SAML.alias()
                        + "/endpoint/clients/" + BrokerRealm.SAML_APP_URL_NAME);
        return realm.clients(ScriptedEmail.customerClient());
    }
}
