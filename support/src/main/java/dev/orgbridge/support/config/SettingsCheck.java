package dev.orgbridge.support.config;

import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * A provider factory whose settings Orgbridge can check without a login: what
 * {@code GET /admin/realms/{realm}/orgbridge/configuration-check} asks of every Orgbridge authenticator config and
 * identity-provider mapper of a realm. Keycloak 26.7 has no save-time hook for either, so admins and their automation
 * call the check after saving; logins check the same and fail closed.
 */
public interface SettingsCheck {

    /**
     * Parses the settings and checks what they name exists in the realm.
     *
     * @param name the config's or mapper's name, for messages
     * @throws InvalidSettingsException naming the first option at fault
     */
    void checkSettings(KeycloakSession session, RealmModel realm, String name, Map<String, String> config);
}
