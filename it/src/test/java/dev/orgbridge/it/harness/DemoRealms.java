package dev.orgbridge.it.harness;

/** Names shared by the demo realm exports and the tests that import them. */
public final class DemoRealms {

    public static final String CUSTOMER_IDP = "acme-idp";
    public static final String BROKER = "app";

    public static final String CUSTOMER_IDP_JSON = "/realms/acme-idp-realm.json";
    public static final String BROKER_JSON = "/realms/app-realm.json";

    /** The customer IdP's SAML client for the broker; its client id is the broker's SP entity id. */
    public static final String CUSTOMER_SAML_CLIENT = OrgbridgeServer.BASE_URL + "/realms/" + BROKER;

    private DemoRealms() {
    }
}
