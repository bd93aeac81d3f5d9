package dev.orgbridge.it.harness;

import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A realm whose changes Orgbridge captures (its event listener on), as an admin sets it up on a node of their own
 * through the admin REST API: the realm, a webhook target, a notification target, and users.
 */
public final class DeliveryRealm {

    private final String name;

    private DeliveryRealm(String name) {
        this.name = name;
    }

    /** Creates the realm through {@code admin}'s node. */
    public static DeliveryRealm create(Keycloak admin, String name) {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(name);
        realm.setEnabled(true);
        realm.setEventsListeners(List.of("jboss-logging", "orgbridge-provisioning"));
        admin.realms().create(realm);
        return new DeliveryRealm(name);
    }

    public String name() {
        return name;
    }

    /** Registers a webhook target to {@code url} (loopback, plain HTTP, retried every second) through a node. */
    public String addWebhook(Keycloak admin, String url, Map<String, String> options) {
        Map<String, String> webhook = new HashMap<>(options);
        webhook.put("url", url);
        webhook.put("secret", WebhookReceiver.SECRET);
        return addTarget(admin, "orgbridge-webhook", webhook);
    }

    /** Registers a target "app" of this kind (on loopback, plain HTTP, retried every second) through a node. */
    public String addTarget(Keycloak admin, String kind, Map<String, String> options) {
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("allowHttp", "true");
        config.putSingle("allowLoopback", "true");
        config.putSingle("retryDelaysSeconds", "1");
        options.forEach(config::putSingle);
        return add(admin, "app", kind, config);
    }

    /** Registers an email notification target "ops mails" mailing {@code recipient} through a node. */
    public String addNotificationTarget(Keycloak admin, String recipient, Map<String, String> options) {
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("recipients", recipient);
        options.forEach(config::putSingle);
        return add(admin, "ops mails", "orgbridge-email-notifications", config);
    }

    private String add(Keycloak admin, String targetName, String kind, MultivaluedHashMap<String, String> config) {
        RealmResource realm = admin.realm(name);
        ComponentRepresentation component = new ComponentRepresentation();
        component.setName(targetName);
        component.setProviderId(kind);
        component.setProviderType(ProvisioningTargetsApi.TARGET_TYPE);
        component.setParentId(realm.toRepresentation().getId());
        component.setConfig(config);
        try (Response created = realm.components().add(component)) {
            if (created.getStatus() != 201) {
                throw new AssertionError("target not created: " + created.getStatus() + " "
                        + created.readEntity(String.class));
            }
            String location = created.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    /** Creates a user through a node; answers its id. */
    public String createUser(Keycloak admin, String username) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@acme.com");
        user.setEnabled(true);
        try (Response created = admin.realm(name).users().create(user)) {
            if (created.getStatus() != 201) {
                throw new AssertionError("user " + username + " not created: " + created.getStatus() + " "
                        + created.readEntity(String.class));
            }
            String location = created.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }
}
