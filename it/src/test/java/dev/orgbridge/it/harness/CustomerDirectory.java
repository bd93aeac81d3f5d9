package dev.orgbridge.it.harness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The customer's directory: employees a test hires at the customer IdP with the attributes their IdP sends
 * ({@code division}, {@code userType}), changes between logins, and lets go afterwards.
 */
public final class CustomerDirectory {

    private static final String PASSWORD = "password";

    private final ManagedRealm customerIdp;
    private final List<String> hired = new ArrayList<>();

    public CustomerDirectory(ManagedRealm customerIdp) {
        this.customerIdp = customerIdp;
    }

    /** An employee with a verified email at the IdP and these attributes. */
    public CustomerUser hire(String username, String email, Map<String, List<String>> attributes) {
        String id = TestUsers.create(customerIdp.admin(), username, email, true, PASSWORD);
        hired.add(id);
        change(new CustomerUser(username, PASSWORD, email, true), attributes);
        return new CustomerUser(username, PASSWORD, email, true);
    }

    /** Changes the employee's attributes at the IdP (an empty list removes one). */
    public void change(CustomerUser employee, Map<String, List<String>> attributes) {
        UserRepresentation user = customerIdp.admin().users().searchByUsername(employee.username(), true).get(0);
        var resource = customerIdp.admin().users().get(user.getId());
        UserRepresentation current = resource.toRepresentation();
        Map<String, List<String>> merged = new HashMap<>(
                current.getAttributes() == null ? Map.of() : current.getAttributes());
        merged.putAll(attributes);
        merged.values().removeIf(List::isEmpty);
        current.setAttributes(merged);
        resource.update(current);
    }

    /** Removes every employee this directory hired. */
    public void letAllGo() {
        hired.forEach(id -> customerIdp.admin().users().delete(id).close());
        hired.clear();
    }
}
