package dev.orgbridge.admin;

/**
 * One entry of {@code GET /admin/realms/{realm}/orgbridge/configuration-check}: an Orgbridge setting that cannot work.
 *
 * @param kind     {@code authenticator-config} or {@code identity-provider-mapper}
 * @param name     the config's alias or the mapper's name
 * @param where    the flows using the config, or the mapper's identity provider
 * @param option   the config key at fault
 * @param message  what is wrong, naming the option
 */
public record ConfigurationProblem(String kind, String name, String where, String option, String message) {
}
