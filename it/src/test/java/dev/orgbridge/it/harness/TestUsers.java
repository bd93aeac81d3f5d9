package dev.orgbridge.it.harness;

import java.util.List;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Users a test adds to a realm through the admin API, with a password. */
public final class TestUsers {

    private TestUsers() {
    }

    /** Creates an enabled user and returns its id. */
    public static String create(RealmResource realm, String username, String email, boolean emailVerified,
                                String password) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setEmailVerified(emailVerified);
        user.setFirstName("Test");
        user.setLastName(username);
        user.setEnabled(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        realm.users().create(user).close();
        return realm.users().searchByUsername(username, true).get(0).getId();
    }
}
