package dev.orgbridge.admin;

import java.util.List;

/** Answer of {@code GET /admin/realms/{realm}/orgbridge/info}. */
public record InstallationInfo(String version, String builtForKeycloak, List<InstalledProvider> providers) {
}
