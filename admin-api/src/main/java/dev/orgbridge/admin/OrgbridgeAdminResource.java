package dev.orgbridge.admin;

import dev.orgbridge.core.BuildInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** The root of {@code /admin/realms/{realm}/orgbridge}. */
public final class OrgbridgeAdminResource {

    private final KeycloakSession session;
    private final AdminPermissionEvaluator auth;

    OrgbridgeAdminResource(KeycloakSession session, AdminPermissionEvaluator auth) {
        this.session = session;
        this.auth = auth;
    }

    /** Which Orgbridge build runs on this node and which of its providers Keycloak loaded. */
    @GET
    @Path("info")
    @Produces(MediaType.APPLICATION_JSON)
    public InstallationInfo info() {
        auth.realm().requireViewRealm();
        BuildInfo build = BuildInfo.current();
        return new InstallationInfo(build.version(), build.keycloakVersion(),
                InstalledProvider.listAll(session.getKeycloakSessionFactory()));
    }
}
