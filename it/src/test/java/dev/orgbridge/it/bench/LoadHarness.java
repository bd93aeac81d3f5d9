package dev.orgbridge.it.bench;

import dev.orgbridge.it.harness.BrokerRealm;
import dev.orgbridge.it.harness.CustomerIdpRealm;
import dev.orgbridge.it.harness.DemoRealms;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The stage of a load harness: the demo's customer IdP and broker realms, without {@code BrokeredLoginTest}'s per-test
 * cleanup (which would delete the thousands of organizations or groups a harness creates one by one). Subclasses
 * carry {@code @KeycloakIntegrationTest(config = OrgbridgeServer.class)} and are named {@code *Benchmark}, which
 * {@code mvn verify} does not run.
 */
abstract class LoadHarness {

    /** Measured logins per run, and warm-up logins before the first run. */
    static final int LOGINS = Integer.getInteger("orgbridge.bench.logins", 30);
    static final int WARMUP = Integer.getInteger("orgbridge.bench.warmup", 30);

    @InjectRealm(ref = DemoRealms.CUSTOMER_IDP, fromJson = DemoRealms.CUSTOMER_IDP_JSON, config = CustomerIdpRealm.class)
    ManagedRealm customerIdp;

    @InjectRealm(ref = DemoRealms.BROKER, fromJson = DemoRealms.BROKER_JSON, config = BrokerRealm.class)
    ManagedRealm broker;
}
