package dev.orgbridge.admin;

import dev.orgbridge.admin.provisioning.ProvisioningResource;
import dev.orgbridge.admin.users.ImportLimits;
import dev.orgbridge.admin.users.UserImport;
import dev.orgbridge.core.BuildInfo;
import dev.orgbridge.support.grants.Grant;
import dev.orgbridge.support.grants.GrantLedger;
import dev.orgbridge.support.sso.SsoIdentifierCollisions;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** The root of {@code /admin/realms/{realm}/orgbridge}. */
public final class OrgbridgeAdminResource {

    private final KeycloakSession session;
    private final AdminPermissionEvaluator auth;
    private final ImportLimits importLimits;

    OrgbridgeAdminResource(KeycloakSession session, AdminPermissionEvaluator auth, ImportLimits importLimits) {
        this.session = session;
        this.auth = auth;
        this.importLimits = importLimits;
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

    /**
     * Checks every Orgbridge setting of the realm as a login would (Keycloak 26.7 cannot validate authenticator configs
     * or mapper settings when they are saved): an empty list when all can work.
     */
    @GET
    @Path("configuration-check")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ConfigurationProblem> configurationCheck() {
        auth.realm().requireViewRealm();
        return new ConfigurationCheck(session, session.getContext().getRealm()).problems();
    }

    /** Why the user holds the groups and roles Orgbridge's mappers gave, newest reason per group or role. */
    @GET
    @Path("users/{userId}/grants")
    @Produces(MediaType.APPLICATION_JSON)
    public List<UserGrant> grants(@PathParam("userId") String userId) {
        RealmModel realm = session.getContext().getRealm();
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            auth.users().requireQuery();
            throw new NotFoundException("User not found");
        }
        auth.users().requireView(user);
        return new GrantLedger(session).of(user).stream()
                .map(grant -> UserGrant.of(grant, held(realm, user, grant)))
                .toList();
    }

    private static boolean held(RealmModel realm, UserModel user, Grant grant) {
        return switch (grant.kind()) {
            case GROUP -> user.getGroupsStream().anyMatch(group -> group.getId().equals(grant.targetId()));
            case ROLE -> {
                RoleModel role = realm.getRoleById(grant.targetId());
                yield role != null && user.hasDirectRole(role);
            }
        };
    }

    /**
     * Creates users from a CSV or JSON file (create-only; docs/sso-identifier.md); {@code dryRun=true} validates
     * without creating. Answers a per-row report.
     */
    @POST
    @Path("users/import")
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importUsers(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                @QueryParam("ssoAttribute") @DefaultValue("ssoIdentifier") String ssoAttribute,
                                @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, InputStream body) {
        auth.users().requireManage();
        StreamingOutput report = new UserImport(session, session.getContext().getRealm(), auth.adminAuth(),
                ssoAttribute, dryRun).start(body, MediaType.APPLICATION_JSON_TYPE.isCompatible(type),
                importLimits);
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Users whose SSO identifiers are the same ignoring case, to clean up before linking by SSO identifier. */
    @GET
    @Path("sso-identifiers/collisions")
    @Produces(MediaType.APPLICATION_JSON)
    public List<SsoIdentifierCollisions.Collision> ssoIdentifierCollisions(
            @QueryParam("attribute") @DefaultValue("ssoIdentifier") String attribute) {
        auth.users().requireView();
        return SsoIdentifierCollisions.of(session, session.getContext().getRealm(), attribute);
    }

    /** The provisioning log and its controls. */
    @Path("provisioning")
    public ProvisioningResource provisioning() {
        return new ProvisioningResource(session, auth);
    }
}
