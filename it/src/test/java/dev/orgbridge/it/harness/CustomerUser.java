package dev.orgbridge.it.harness;

/** A user of the customer IdP realm (see demo/realms/acme-idp-realm.json). */
public record CustomerUser(String username, String password, String email, boolean emailVerified) {

    /** Acme employee, verified email, division Engineering, userType admin. */
    public static final CustomerUser ALICE = new CustomerUser("alice", "password", "alice@acme.com", true);
    /** Acme employee whose email the IdP has not verified, division Sales, userType sender. */
    public static final CustomerUser BOB = new CustomerUser("bob", "password", "bob@acme.com", false);
    /** Globex employee, verified email, division Support, userType manager. */
    public static final CustomerUser CAROL = new CustomerUser("carol", "password", "carol@globex.com", true);
    /** Personal-mail user, verified, no division or userType. */
    public static final CustomerUser DAN = new CustomerUser("dan", "password", "dan@gmail.com", true);
}
