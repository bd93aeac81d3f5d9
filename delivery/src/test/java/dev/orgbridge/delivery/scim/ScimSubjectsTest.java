package dev.orgbridge.delivery.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orgbridge.core.provisioning.scim.ScimGroup;
import dev.orgbridge.core.provisioning.scim.ScimUserSource;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/** What is read from Keycloak's models: the fields the mapping needs, nothing cached. */
class ScimSubjectsTest {

    @Test
    void readsTheUsersFieldsAndAttributes() {
        UserModel user = model(UserModel.class, Map.of("getId", "u-1", "getUsername", "jmuller",
                "getEmail", "jmuller@acme.com", "getFirstName", "Jörg", "getLastName", "Müller", "isEnabled", false,
                "getAttributes", Map.of("division", List.of("Sales"))));

        assertEquals(new ScimUserSource("u-1", "jmuller", "jmuller@acme.com", "Jörg", "Müller", false,
                Map.of("division", List.of("Sales"))), ScimSubjects.user(user));
    }

    @Test
    void aGroupGoesByItsName() {
        GroupModel group = model(GroupModel.class, Map.of("getId", "g-1", "getName", "sales"));

        assertEquals(new ScimGroup("g-1", "sales"), ScimSubjects.group(group));
    }

    /** A model answering these getters (a user without email answers null); anything else is a test error. */
    private static <T> T model(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (!answers.containsKey(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return answers.get(method.getName());
                }));
    }
}
