package dev.orgbridge.it.harness;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/** Test isolation for the broker realm, which lives for a whole test class, and its onboarding policy. */
public final class BrokerState {

    /** Organizations of the demo export; everything else was made by a test. */
    private static final Set<String> EXPORTED_ORGANIZATIONS = Set.of("globex");
    private static final String FIRST_BROKER_LOGIN_FLOW = "orgbridge first broker login";
    private static final String ONBOARDING_STEP = "orgbridge-organization-onboarding";

    private BrokerState() {
    }

    /**
     * Deletes every user and every organization the logins created, and the events they left, so the next test
     * starts from the realm export.
     */
    public static void forgetLogins(ManagedRealm broker) {
        broker.admin().users().list(0, Integer.MAX_VALUE)
                .forEach(user -> broker.admin().users().delete(user.getId()).close());
        organizations(broker).stream()
                .filter(org -> !EXPORTED_ORGANIZATIONS.contains(org.getAlias()))
                .map(OrganizationRepresentation::getId)
                .forEach(id -> broker.admin().organizations().get(id).delete().close());
        broker.admin().clearEvents();
        broker.admin().clearAdminEvents();
    }

    /** Every organization of the realm, with domains and attributes. */
    public static List<OrganizationRepresentation> organizations(ManagedRealm broker) {
        return broker.admin().organizations().search("", false, 0, 1000, false);
    }

    /** The onboarding policy: the config shared by the "Orgbridge: decide organization" steps. */
    public static AuthenticatorConfigRepresentation policy(ManagedRealm broker) {
        return stepConfig(broker, ONBOARDING_STEP);
    }

    /** The config of a step (by provider id) of the first broker login flow, at any depth. */
    public static AuthenticatorConfigRepresentation stepConfig(ManagedRealm broker, String step) {
        String configId = broker.admin().flows().getExecutions(FIRST_BROKER_LOGIN_FLOW).stream()
                .filter(e -> step.equals(e.getProviderId()))
                .map(AuthenticationExecutionInfoRepresentation::getAuthenticationConfig)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the broker realm's first broker login has no step " + step));
        return broker.admin().flows().getAuthenticatorConfig(configId);
    }

    /** Changes options of the onboarding policy (several values join as Keycloak stores them); see {@link #restorePolicy}. */
    public static void changePolicy(ManagedRealm broker, Map<String, List<String>> options) {
        AuthenticatorConfigRepresentation policy = policy(broker);
        options.forEach((option, values) -> policy.getConfig().put(option, String.join("##", values)));
        broker.admin().flows().updateAuthenticatorConfig(policy.getId(), policy);
    }

    public static void restorePolicy(ManagedRealm broker, AuthenticatorConfigRepresentation exported) {
        broker.admin().flows().updateAuthenticatorConfig(exported.getId(), exported);
    }

    /** Runs {@code action} with these options of the onboarding policy changed, then puts the policy back. */
    public static void withPolicy(ManagedRealm broker, Map<String, List<String>> options, Runnable action) {
        AuthenticatorConfigRepresentation policy = policy(broker);
        changePolicy(broker, options);
        try {
            action.run();
        } finally {
            restorePolicy(broker, policy);
        }
    }

    /**
     * As an admin moves a configured realm: partial export (which masks secrets, so the admin re-enters them, or they
     * are vault references), the realm deleted, the export imported. Organizations are realm data, not configuration:
     * partial export leaves them out (kc.sh export keeps them), so they are carried over as they are.
     */
    public static void exportAndReimport(Keycloak admin, ManagedRealm broker) {
        RealmRepresentation exported = broker.admin().partialExport(true, true);
        Map<String, String> secrets = Map.of(CustomerIdp.OIDC.alias(), "demo-broker-secret",
                CustomerIdp.SCRIPTED_OIDC.alias(), "scripted-secret");
        for (IdentityProviderRepresentation idp : exported.getIdentityProviders()) {
            if (secrets.containsKey(idp.getAlias())) {
                idp.getConfig().put("clientSecret", secrets.get(idp.getAlias()));
            }
        }
        exported.getClients().stream().filter(c -> c.getClientId().equals(BrokerRealm.OIDC_APP))
                .forEach(c -> c.setSecret(BrokerRealm.OIDC_APP_SECRET));
        exported.setOrganizations(organizations(broker));
        broker.admin().remove();
        admin.realms().create(exported);
    }
}
