package dev.orgbridge.it.harness;

/** The customer's identity providers as the broker realm knows them (see demo/realms/app-realm.json). */
public enum CustomerIdp {
    OIDC("acme-oidc"),
    SAML("acme-saml");

    private final String alias;

    CustomerIdp(String alias) {
        this.alias = alias;
    }

    public String alias() {
        return alias;
    }
}
