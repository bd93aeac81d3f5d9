package dev.orgbridge.admin;

import dev.orgbridge.support.config.InvalidSettingsException;
import dev.orgbridge.support.config.SettingsCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.authentication.Authenticator;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

/**
 * Checks every Orgbridge setting of a realm the way a login would: the configs of Orgbridge's authentication steps
 * (once per config, however many flows share it) and Orgbridge's identity-provider mappers.
 */
final class ConfigurationCheck {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final KeycloakSessionFactory factories;

    ConfigurationCheck(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.factories = session.getKeycloakSessionFactory();
    }

    List<ConfigurationProblem> problems() {
        List<ConfigurationProblem> problems = new ArrayList<>();
        stepConfigs().forEach((config, flows) -> {
            SettingsCheck check = (SettingsCheck) factories.getProviderFactory(Authenticator.class, flows.step());
            check(check, config.getAlias(), config.getConfig(), "authenticator-config",
                    String.join(", ", flows.flows()), problems);
        });
        session.identityProviders().getMappersStream()
                .filter(mapper -> checkOf(mapper) != null)
                .forEach(mapper -> check(checkOf(mapper), mapper.getName(), mapper.getConfig(),
                        "identity-provider-mapper", mapper.getIdentityProviderAlias(), problems));
        return problems;
    }

    private SettingsCheck checkOf(IdentityProviderMapperModel mapper) {
        return factories.getProviderFactory(IdentityProviderMapper.class, mapper.getIdentityProviderMapper())
                instanceof SettingsCheck check ? check : null;
    }

    /** The configs of Orgbridge steps, each with the step's provider id and the flows that use it. */
    private Map<AuthenticatorConfigModel, StepUse> stepConfigs() {
        Map<String, StepUse> uses = new LinkedHashMap<>();
        realm.getAuthenticationFlowsStream().forEach(flow -> realm.getAuthenticationExecutionsStream(flow.getId())
                .filter(execution -> execution.getAuthenticatorConfig() != null && execution.getAuthenticator() != null)
                .filter(execution -> factories.getProviderFactory(Authenticator.class, execution.getAuthenticator())
                        instanceof SettingsCheck)
                .forEach(execution -> uses.computeIfAbsent(execution.getAuthenticatorConfig(),
                                id -> new StepUse(execution.getAuthenticator(), new LinkedHashSet<>()))
                        .flows().add(flow.getAlias())));
        Map<AuthenticatorConfigModel, StepUse> configs = new LinkedHashMap<>();
        uses.forEach((id, use) -> {
            AuthenticatorConfigModel config = realm.getAuthenticatorConfigById(id);
            if (config != null) {
                configs.put(config, use);
            }
        });
        return configs;
    }

    private void check(SettingsCheck check, String name, Map<String, String> config, String kind, String where,
                       List<ConfigurationProblem> problems) {
        try {
            check.checkSettings(session, realm, name, config == null ? Map.of() : config);
        } catch (InvalidSettingsException e) {
            problems.add(new ConfigurationProblem(kind, name, where, e.option(), e.getMessage()));
        }
    }

    private record StepUse(String step, Set<String> flows) {
    }
}
