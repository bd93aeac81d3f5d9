package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.it.harness.BrokerState;
import dev.orgbridge.it.harness.BrokeredLoginTest;
import dev.orgbridge.it.harness.OrgbridgeServer;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.ErrorRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * An admin registers the downstream app's webhook as a provisioning target of the realm: a Keycloak component, checked
 * when saved, its secret masked in every answer, kept by realm export and import (docs/provisioning.md).
 */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class ProvisioningTargetIT extends BrokeredLoginTest {

    private static final String TARGET_TYPE = "dev.orgbridge.delivery.targets.ProvisioningTarget";
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @InjectAdminClient
    Keycloak admin;

    @AfterEach
    void removeTargets() {
        targets().forEach(target -> broker.admin().components().component(target.getId()).remove());
    }

    @Test
    void anAdminRegistersAWebhookTargetAndItsSecretStaysHidden() {
        try (Response created = save(target("app webhook", "https://app.example.com/hooks", SECRET,
                List.of("user.created", "user.deleted")))) {
            assertEquals(201, created.getStatus());
        }

        ComponentRepresentation stored = targets().get(0);
        assertEquals("orgbridge-webhook", stored.getProviderId());
        assertEquals(List.of("**********"), stored.getConfig().get("secret"), "the secret is masked");
        assertEquals(List.of("https://app.example.com/hooks"), stored.getConfig().get("url"));
    }

    @Test
    void aVaultReferenceIsAcceptedAsTheSecret() {
        try (Response created = save(target("vaulted", "https://app.example.com/hooks", "${vault.app-webhook}",
                List.of()))) {
            assertEquals(201, created.getStatus());
        }
    }

    @Test
    void settingsThatCannotWorkAreRefusedWhenSaved() {
        Map<String, ComponentRepresentation> refused = Map.of(
                "is refused", target("metadata", "http://169.254.169.254/latest", SECRET, List.of()),
                "plain http", target("http", "http://app.example.com/hooks", SECRET, List.of()),
                "secret", target("bad secret", "https://app.example.com/hooks", "not-a-secret", List.of()),
                "not an event type", target("bad type", "https://app.example.com/hooks", SECRET,
                        List.of("user.exploded")));
        refused.forEach((problem, component) -> {
            try (Response response = save(component)) {
                assertEquals(400, response.getStatus(), component.getName());
                String message = response.readEntity(ErrorRepresentation.class).getErrorMessage();
                assertTrue(message.contains(problem) || message.contains("not allowed")
                        || message.contains("refused"), component.getName() + ": " + message);
            }
        });
        assertEquals(List.of(), targets(), "nothing half-saved");
    }

    @Test
    void targetsSurviveRealmExportAndImport() {
        try (Response created = save(target("app webhook", "https://app.example.com/hooks", SECRET, List.of()))) {
            assertEquals(201, created.getStatus());
        }

        BrokerState.exportAndReimport(admin, broker);

        assertEquals(List.of("app webhook"), targets().stream().map(ComponentRepresentation::getName).toList());
    }

    private static ComponentRepresentation target(String name, String url, String secret, List<String> types) {
        ComponentRepresentation component = new ComponentRepresentation();
        component.setName(name);
        component.setProviderId("orgbridge-webhook");
        component.setProviderType(TARGET_TYPE);
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("url", url);
        config.putSingle("secret", secret);
        if (!types.isEmpty()) {
            config.put("eventTypes", types);
        }
        component.setConfig(config);
        return component;
    }

    private Response save(ComponentRepresentation component) {
        component.setParentId(broker.admin().toRepresentation().getId());
        return broker.admin().components().add(component);
    }

    private List<ComponentRepresentation> targets() {
        return broker.admin().components().query(broker.admin().toRepresentation().getId(), TARGET_TYPE);
    }
}
