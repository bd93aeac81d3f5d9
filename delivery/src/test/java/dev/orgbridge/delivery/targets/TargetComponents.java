package dev.orgbridge.delivery.targets;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;

/** Target components as an admin saves them, for the factory tests. */
final class TargetComponents {

    private TargetComponents() {
    }

    /** A component named app with {@code key=value} settings; a key given twice is multivalued. */
    static ComponentModel model(String providerId, List<String> settings) {
        ComponentModel model = new ComponentModel();
        model.setId("c-1");
        model.setName("app");
        model.setProviderId(providerId);
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            model.getConfig().add(setting.substring(0, equals), setting.substring(equals + 1));
        }
        return model;
    }

    /** Saving the settings is refused with a message that starts with {@code message}. */
    static void assertRefused(ProvisioningTargetFactory factory, List<String> settings, String message) {
        ComponentValidationException e = assertThrows(ComponentValidationException.class,
                () -> factory.validateConfiguration(null, null, model(factory.getId(), settings)));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
