package dev.orgbridge.mapper.scope;

import dev.orgbridge.support.organization.OrganizationDirectory;
import java.util.Optional;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Finds a mapper's scope for one login. */
public final class Scopes {

    private Scopes() {
    }

    /** The realm group at that path, whose children form the scope; empty when no such group exists. */
    public static Optional<KeycloakGroupScope> realmGroup(KeycloakSession session, RealmModel realm, String path) {
        GroupModel parent = KeycloakModelUtils.findGroupByPath(session, realm, path);
        return Optional.ofNullable(parent).map(found -> new RealmGroupScope(session, realm, found));
    }

    /** The groups of the user's organization for this login; empty when the user has none. */
    public static Optional<KeycloakGroupScope> organizationOf(KeycloakSession session, RealmModel realm,
                                                              UserModel user, AuthenticationSessionModel authSession) {
        OrganizationDirectory directory = new OrganizationDirectory(session);
        if (!directory.enabled()) {
            return Optional.empty();
        }
        return directory.ofMember(user, authSession)
                .map(organization -> new OrganizationGroupScope(session, realm, organization));
    }

    /**
     * Before the user exists: the groups of the organization owning the email's domain, which onboarding will place
     * the user in. Empty when no organization owns it yet (onboarding may create it later in this login).
     */
    public static Optional<KeycloakGroupScope> organizationOwning(KeycloakSession session, RealmModel realm,
                                                                  String email) {
        OrganizationDirectory directory = new OrganizationDirectory(session);
        if (!directory.enabled()) {
            return Optional.empty();
        }
        return directory.owningEmail(email)
                .flatMap(known -> directory.byId(known.id()))
                .map(organization -> new OrganizationGroupScope(session, realm, organization));
    }
}
