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
 * What the factory of every kind of provisioning target shares, final here: its id, help text and options, and the
 * check when a component is saved, where a setting that cannot work becomes a 400 naming its option.
 */
abstract class AbstractTargetFactory implements ProvisioningTargetFactory,
        OrgbridgeProviderFactory<ProvisioningTarget> {

    private final String id;
    private final String helpText;
    private final List<ProviderConfigProperty> options;

    AbstractTargetFactory(String id, String helpText, List<ProviderConfigProperty> options) {
        this.id = id;
        this.helpText = helpText;
        this.options = options;
    }

    /**
     * Reads the settings as saved (secrets as stored: a vault entry is read only when sending).
     *
     * @throws InvalidSettingsException naming the first option at fault
     */
    abstract void check(RealmModel realm, ComponentModel model);

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
        return options;
    }

    @Override
    public final void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        try {
            check(realm, model);
        } catch (InvalidSettingsException e) {
            throw new ComponentValidationException(e.getMessage());
        }
    }
}
