package dev.orgbridge.it.harness;

import org.keycloak.testframework.realm.ManagedRealm;

/** Test isolation for the broker realm, which lives for a whole test class. */
public final class BrokerUsers {

    private BrokerUsers() {
    }

    /** Deletes every user the broker created and the events their logins left, so the next test starts fresh. */
    public static void forgetAll(ManagedRealm broker) {
        broker.admin().users().list(0, Integer.MAX_VALUE)
                .forEach(user -> broker.admin().users().delete(user.getId()).close());
        broker.admin().clearEvents();
        broker.admin().clearAdminEvents();
    }
}
