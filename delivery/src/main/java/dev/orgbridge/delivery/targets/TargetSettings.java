package dev.orgbridge.delivery.targets;

import dev.orgbridge.support.config.SettingsReader;
import java.util.Map;
import java.util.stream.Collectors;
import org.keycloak.component.ComponentModel;

/** A target component's settings: Keycloak keeps each option as a list, {@link SettingsReader} as {@code ##}-joined text. */
final class TargetSettings {

    private TargetSettings() {
    }

    /** @param kind names the target in messages, e.g. {@code webhook target} */
    static SettingsReader of(String kind, ComponentModel model) {
        Map<String, String> config = model.getConfig().entrySet().stream()
                .filter(entry -> !entry.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> String.join("##", entry.getValue())));
        return SettingsReader.of(kind + " '" + model.getName() + "'", config);
    }
}
