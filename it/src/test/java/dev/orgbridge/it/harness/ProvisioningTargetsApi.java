package dev.orgbridge.it.harness;

import jakarta.ws.rs.core.Response;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/** Provisioning targets of the broker realm and Orgbridge's provisioning log, as an admin reaches them. */
public final class ProvisioningTargetsApi {

    public static final String TARGET_TYPE = "dev.orgbridge.delivery.targets.ProvisioningTarget";

    private final ManagedRealm realm;
    private final Keycloak admin;

    public ProvisioningTargetsApi(ManagedRealm realm, Keycloak admin) {
        this.realm = realm;
        this.admin = admin;
    }

    /** Registers a webhook target to a loopback receiver; answers its id. */
    public String addWebhook(String name, String url, Map<String, List<String>> options) {
        Map<String, List<String>> webhook = new HashMap<>(options);
        webhook.put("url", List.of(url));
        webhook.put("secret", List.of(WebhookReceiver.SECRET));
        return add("orgbridge-webhook", name, webhook);
    }

    /** Registers a target of this kind on loopback, retrying every second; answers its id. */
    public String add(String kind, String name, Map<String, List<String>> options) {
        ComponentRepresentation component = new ComponentRepresentation();
        component.setName(name);
        component.setProviderId(kind);
        component.setProviderType(TARGET_TYPE);
        component.setParentId(realm.admin().toRepresentation().getId());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("allowHttp", "true");
        config.putSingle("allowLoopback", "true");
        config.putSingle("retryDelaysSeconds", "1");
        options.forEach(config::put);
        component.setConfig(config);
        try (Response created = realm.admin().components().add(component)) {
            if (created.getStatus() != 201) {
                throw new AssertionError("target not created: " + created.getStatus() + " "
                        + created.readEntity(String.class));
            }
            String location = created.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    public void removeAll() {
        RealmResource resource = realm.admin();
        resource.components().query(resource.toRepresentation().getId(), TARGET_TYPE)
                .forEach(target -> resource.components().component(target.getId()).remove());
    }

    /** {@code GET provisioning/targets}: the one with this id. */
    public Map<String, Object> health(String targetId) {
        return list("provisioning/targets").stream().filter(t -> targetId.equals(t.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no target " + targetId));
    }

    /** {@code GET provisioning/deliveries?…}. */
    public List<Map<String, Object>> deliveries(String query) {
        return list("provisioning/deliveries?" + query);
    }

    public HttpResponse<String> get(String path) {
        return OrgbridgeAdminApi.get(realm.getName(), path, token());
    }

    public HttpResponse<String> post(String path) {
        return OrgbridgeAdminApi.post(realm.getName(), path, "application/json",
                HttpRequest.BodyPublishers.noBody(), token());
    }

    private List<Map<String, Object>> list(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + ": " + response.statusCode() + " " + response.body());
        }
        return Json.list(response.body());
    }

    private String token() {
        return admin.tokenManager().getAccessTokenString();
    }
}
