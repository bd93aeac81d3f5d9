package dev.orgbridge.delivery.targets;

import dev.orgbridge.support.OrgbridgeProviderFactory;
import dev.orgbridge.support.config.InvalidSettingsException;
import java.util.List;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * What every kind of target shares: its id, help text and options, given once; a target read from the component's
 * settings whenever Keycloak asks (cheap, and every node reads what the realm holds); and settings that cannot work
 * refused when the component is saved, as Keycloak's 400 with a message naming the option.
 */
abstract class TargetFactory implements ProvisioningTargetFactory, OrgbridgeProviderFactory<ProvisioningTarget> {

    private final String id;
    private final String helpText;
    private final List<ProviderConfigProperty> properties;

    TargetFactory(String id, String helpText, List<ProviderConfigProperty> properties) {
        this.id = id;
        this.helpText = helpText;
        this.properties = properties;
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getHelpText() {
        return helpText;
    }

    @Override
    public final List<ProviderConfigProperty> getConfigProperties() {
        return properties;
    }

    @Override
    public final void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        try {
            check(realm, model);
        } catch (InvalidSettingsException e) {
            throw new ComponentValidationException(e.getMessage());
        }
    }

    @Override
    public final ProvisioningTarget create(KeycloakSession session, ComponentModel model) {
        return parse(model);
    }

    /**
     * The target the component's settings describe.
     *
     * @throws InvalidSettingsException naming the first option at fault
     */
    abstract ProvisioningTarget parse(ComponentModel model);

    /**
     * Parses the settings, and checks what only saving can (against the realm, a secret's form).
     *
     * @throws InvalidSettingsException naming the first option at fault
     */
    abstract void check(RealmModel realm, ComponentModel model);
}
