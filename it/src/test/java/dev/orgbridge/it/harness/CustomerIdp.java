package dev.orgbridge.it.harness;

/** The customer's identity providers as the broker realm knows them (see demo/realms/app-realm.json). */
public enum CustomerIdp {
    OIDC("acme-oidc"),
    SAML("acme-saml"),
    /** Test-only: an OIDC provider whose email claim each test scripts (see {@link ScriptedEmail}). */
    SCRIPTED_OIDC("scripted-oidc");

    private final String alias;

    CustomerIdp(String alias) {
        this.alias = alias;
    }

    public String alias() {
        return alias;
    }
}
