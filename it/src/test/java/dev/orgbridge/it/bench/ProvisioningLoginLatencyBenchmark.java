package dev.orgbridge.it.bench;

import dev.orgbridge.it.harness.CustomerDirectory;
import dev.orgbridge.it.harness.OrgbridgeServer;
import dev.orgbridge.it.harness.ProvisioningTargetsApi;
import dev.orgbridge.it.harness.WebhookReceiver;
import dev.orgbridge.it.harness.WebhookReceiver.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Load harness, not a test: what provisioning costs a brokered first login. The same logins with the capture listener
 * off, on (a webhook target answering at once), and on while the target hangs past its read timeout. Writes
 * {@code it/target/provisioning-login-latency.md}. Run it alone:
 * {@code mvn -B verify -pl it -am -Dtest=ProvisioningLoginLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class ProvisioningLoginLatencyBenchmark extends LoadHarness {

    private static final String LISTENER = "orgbridge-provisioning";

    @InjectAdminClient
    Keycloak admin;

    @Test
    void provisioningDoesNotSlowLogins() {
        CustomerDirectory directory = new CustomerDirectory(customerIdp);
        LoginLatency latency = new LoginLatency(directory, "globex.com", Map.of());
        ProvisioningTargetsApi targets = new ProvisioningTargetsApi(broker, admin);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            targets.addWebhook("app", receiver.url(), Map.of());
            latency.measure("warm-up", WARMUP);

            // interleaved, one login of each kind per round, so that drift (JIT, caches) hits all three alike
            List<Long> off = new ArrayList<>();
            List<Long> on = new ArrayList<>();
            List<Long> hanging = new ArrayList<>();
            for (int round = 0; round < LOGINS; round++) {
                listener(false);
                off.addAll(latency.measure("off-" + round, 1));
                listener(true);
                receiver.answer(Answer.OK);
                on.addAll(latency.measure("on-" + round, 1));
                listener(true); // saved again, unchanged: every login of a round follows a realm update alike
                receiver.answer(new Answer(204, null, Duration.ofSeconds(60)));
                hanging.addAll(latency.measure("hanging-" + round, 1));
            }
            receiver.answer(Answer.OK);
            double[] onOff = LoginLatency.medianRatioInterval(on, off);
            double[] hangingOn = LoginLatency.medianRatioInterval(hanging, on);

            Reports.write("provisioning-login-latency.md", """
                    # Brokered first-login latency with provisioning

                    Each login: a new user of `globex.com` (already signed in at the IdP) goes through the broker's \
                    first broker login (Orgbridge onboarding, user created, team and organization joined). %d measured \
                    logins per kind after %d warm-up logins, one at a time and interleaved (one of each kind per \
                    round), on this machine's real Keycloak 26.7.3 \
                    (%s) with the bundle jar. A webhook target on loopback receives the changes; "hanging": it \
                    holds every request for 60 s (the sender gives up after its 10 s read timeout and retries).

                    | Run | median ms | p90 ms | max ms |
                    |---|---|---|---|
                    %s
                    %s
                    %s

                    Listener on / off (median): **%.3f**, 95 %% bootstrap interval %.3f–%.3f (target: below 1.05). \
                    Target hanging / listener on: **%.3f**, interval %.3f–%.3f (target: unchanged). Each login follows \
                    a realm update (the listener switched, or saved unchanged), which reloads the realm's cache, so \
                    all three kinds pay that alike.
                    """.formatted(LOGINS, WARMUP, OrgbridgeServer.databaseDescription(),
                    LoginLatency.row("listener off", off), LoginLatency.row("listener on", on),
                    LoginLatency.row("listener on, target hanging", hanging),
                    LoginLatency.medianRatio(on, off), onOff[0], onOff[1],
                    LoginLatency.medianRatio(hanging, on), hangingOn[0], hangingOn[1]));
        } finally {
            targets.removeAll();
            directory.letAllGo();
        }
    }

    private void listener(boolean on) {
        RealmRepresentation realm = broker.admin().toRepresentation();
        List<String> listeners = realm.getEventsListeners().stream().filter(l -> !l.equals(LISTENER)).toList();
        realm.setEventsListeners(on ? concat(listeners) : listeners);
        broker.admin().update(realm);
    }

    private static List<String> concat(List<String> listeners) {
        return Stream.concat(listeners.stream(), Stream.of(LISTENER)).toList();
    }
}
