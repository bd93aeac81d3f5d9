package dev.orgbridge.mapper.idp;

import dev.orgbridge.core.mapping.MappingDenial;
import dev.orgbridge.core.mapping.MappingWarning;
import dev.orgbridge.core.mapping.Shown;
import dev.orgbridge.support.config.InvalidSettingsException;
import dev.orgbridge.support.grants.Grant;
import dev.orgbridge.support.grants.GrantLedger;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Tells admins what one mapper did at one login, and why; keeps the per-user {@link GrantLedger}. Warnings and denials are user events of the login
 * ({@code IDENTITY_PROVIDER_LOGIN}, {@code IDENTITY_PROVIDER_LOGIN_ERROR}); each membership or role granted or removed
 * is an admin event of the kind Keycloak records when an admin does the same (GROUP_MEMBERSHIP,
 * REALM_ROLE_MAPPING, CLIENT_ROLE_MAPPING), its details naming the mapper, identity provider, attribute and value.
 * Values appear only in their {@link Shown} form.
 */
final class MappingReport {

    static final String DETAIL_MAPPER = "orgbridge_mapper";
    static final String DETAIL_ATTRIBUTE = "orgbridge_attribute";
    static final String DETAIL_VALUE = "orgbridge_value";
    static final String DETAIL_WARNING = "orgbridge_warning";
    static final String DETAIL_CAUSE = "orgbridge_cause";
    static final String DETAIL_OPTION = "orgbridge_option";

    /** Cause of a removal: the identity provider no longer asserts the value (sync mode Force). */
    static final String CAUSE_NO_LONGER_ASSERTED = "no-longer-asserted";

    private static final String MISCONFIGURED_ERROR = "orgbridge_misconfigured";
    private static final String MISCONFIGURED_MESSAGE = "orgbridgeMisconfigured";

    private static final Logger LOG = Logger.getLogger(MappingReport.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final IdentityProviderMapperModel mapper;
    private final BrokeredIdentityContext login;
    private final String attribute;
    private GrantLedger ledger;

    MappingReport(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapper,
                  BrokeredIdentityContext login, String attribute) {
        this.session = session;
        this.realm = realm;
        this.mapper = mapper;
        this.login = login;
        this.attribute = attribute;
    }

    void warnings(List<MappingWarning> warnings, UserModel user) {
        for (MappingWarning warning : warnings) {
            LOG.warnf("Realm %s, identity provider %s, mapper '%s': %s", realm.getName(), idpAlias(),
                    mapper.getName(), warning);
            EventBuilder event = userEvent(user).detail(DETAIL_WARNING, warning.kind().code())
                    .detail(DETAIL_VALUE, warning.shown());
            event.success();
        }
    }

    /** Records the denial and returns the error page to throw: nothing was changed yet. */
    WebApplicationException denied(MappingDenial denial, String value) {
        LOG.infof("Realm %s, identity provider %s, mapper '%s': login denied (%s) for value %s", realm.getName(),
                idpAlias(), mapper.getName(), denial.errorCode(), Shown.of(value));
        userEvent(null).detail(DETAIL_VALUE, Shown.of(value)).error(denial.errorCode());
        return page(Response.Status.FORBIDDEN, denial.messageKey());
    }

    /** A mapper whose settings cannot work fails closed, naming the option in the event and the log. */
    WebApplicationException misconfigured(InvalidSettingsException e) {
        LOG.errorf("Realm %s, identity provider %s: %s", realm.getName(), idpAlias(), e.getMessage());
        userEvent(null).detail(DETAIL_OPTION, e.option()).error(MISCONFIGURED_ERROR);
        return page(Response.Status.INTERNAL_SERVER_ERROR, MISCONFIGURED_MESSAGE);
    }

    void joined(UserModel user, GroupModel group, String value, String cause) {
        ledger().record(realm, user, grant(Grant.Kind.GROUP, group.getId(), KeycloakModelUtils.buildGroupPath(group),
                value, cause));
        adminEvent(user, OperationType.CREATE, ResourceType.GROUP_MEMBERSHIP, value, cause)
                .resourcePath("users", user.getId(), "groups", group.getId())
                .representation(ModelToRepresentation.groupToBriefRepresentation(group))
                .success();
    }

    void left(UserModel user, GroupModel group) {
        ledger().forget(user, Grant.Kind.GROUP, group.getId());
        adminEvent(user, OperationType.DELETE, ResourceType.GROUP_MEMBERSHIP, null, CAUSE_NO_LONGER_ASSERTED)
                .resourcePath("users", user.getId(), "groups", group.getId())
                .representation(ModelToRepresentation.groupToBriefRepresentation(group))
                .success();
    }

    void granted(UserModel user, RoleModel role, String value, String cause) {
        ledger().record(realm, user, grant(Grant.Kind.ROLE, role.getId(), roleName(role), value, cause));
        roleEvent(user, role, OperationType.CREATE, value, cause);
    }

    void revoked(UserModel user, RoleModel role) {
        ledger().forget(user, Grant.Kind.ROLE, role.getId());
        roleEvent(user, role, OperationType.DELETE, null, CAUSE_NO_LONGER_ASSERTED);
    }

    private void roleEvent(UserModel user, RoleModel role, OperationType operation, String value, String cause) {
        boolean clientRole = role.isClientRole();
        AdminEventBuilder event = adminEvent(user, operation,
                clientRole ? ResourceType.CLIENT_ROLE_MAPPING : ResourceType.REALM_ROLE_MAPPING, value, cause);
        if (clientRole) {
            event.resourcePath("users", user.getId(), "role-mappings", "clients", role.getContainerId());
        } else {
            event.resourcePath("users", user.getId(), "role-mappings", "realm");
        }
        event.representation(List.of(ModelToRepresentation.toBriefRepresentation(role))).success();
    }

    private Grant grant(Grant.Kind kind, String targetId, String targetName, String value, String cause) {
        return new Grant(kind, targetId, targetName, mapper.getId(), mapper.getName(), idpAlias(), attribute,
                value == null ? null : Shown.of(value), cause, 0);
    }

    private GrantLedger ledger() {
        if (ledger == null) {
            ledger = new GrantLedger(session);
        }
        return ledger;
    }

    /** A role as Keycloak's role pickers name it: {@code role}, or {@code clientId.role} for a client role. */
    private static String roleName(RoleModel role) {
        return role.isClientRole() ? ((ClientModel) role.getContainer()).getClientId() + "." + role.getName()
                : role.getName();
    }

    private AdminEventBuilder adminEvent(UserModel user, OperationType operation, ResourceType resource, String value,
                                         String cause) {
        ClientModel client = session.getContext().getClient();
        // the change is the login's own: the user, through the client they log in to, is the actor
        AdminEventBuilder event = new AdminEventBuilder(realm, new AdminAuth(realm, null, user, client), session,
                session.getContext().getConnection())
                .operation(operation)
                .resource(resource)
                .detail(DETAIL_MAPPER, mapper.getName())
                .detail(Details.IDENTITY_PROVIDER, idpAlias())
                .detail(DETAIL_ATTRIBUTE, attribute)
                .detail(DETAIL_CAUSE, cause);
        if (value != null) {
            event.detail(DETAIL_VALUE, Shown.of(value));
        }
        return event;
    }

    private EventBuilder userEvent(UserModel user) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.IDENTITY_PROVIDER_LOGIN)
                .client(session.getContext().getClient())
                .detail(Details.IDENTITY_PROVIDER, idpAlias())
                .detail(Details.IDENTITY_PROVIDER_USERNAME, login.getUsername())
                .detail(DETAIL_MAPPER, mapper.getName())
                .detail(DETAIL_ATTRIBUTE, attribute);
        return user == null ? event : event.user(user);
    }

    private WebApplicationException page(Response.Status status, String messageKey) {
        return new WebApplicationException(
                ErrorPage.error(session, login.getAuthenticationSession(), status, messageKey));
    }

    private String idpAlias() {
        return login.getIdpConfig().getAlias();
    }
}
