package dev.orgbridge.it.harness;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/** Test isolation for the broker realm, which lives for a whole test class, and its onboarding policy. */
public final class BrokerState {

    /** Organizations of the demo export; everything else was made by a test. */
    private static final Set<String> EXPORTED_ORGANIZATIONS = Set.of("globex");
    private static final String POLICY_PROVIDER = "orgbridge-onboarding-policy";

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

    /** The realm's onboarding policy component. */
    public static ComponentRepresentation policy(ManagedRealm broker) {
        List<ComponentRepresentation> policies = broker.admin().components()
                .query(broker.getId(), "org.keycloak.services.ui.extend.UiPageProvider");
        return policies.stream().filter(c -> POLICY_PROVIDER.equals(c.getProviderId())).findFirst()
                .orElseThrow(() -> new AssertionError("the broker realm has no onboarding policy"));
    }

    /** Changes options of the onboarding policy; {@link #restorePolicy} puts the export's values back. */
    public static void changePolicy(ManagedRealm broker, Map<String, List<String>> options) {
        ComponentRepresentation policy = policy(broker);
        options.forEach((option, values) -> policy.getConfig().put(option, values));
        broker.admin().components().component(policy.getId()).update(policy);
    }

    public static void restorePolicy(ManagedRealm broker, ComponentRepresentation exported) {
        broker.admin().components().component(exported.getId()).update(exported);
    }
}
