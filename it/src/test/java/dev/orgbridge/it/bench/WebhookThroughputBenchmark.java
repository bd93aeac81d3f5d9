package dev.orgbridge.it.bench;

import dev.orgbridge.it.harness.WebhookReceiver;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Load harness, not a test: how many changes per second the worker delivers to a webhook receiver on loopback.
 * {@code orgbridge.bench.events} (default 20,000) users are created while the realm has no target, so their
 * {@code user.created} changes wait in the outbox; then a webhook target is added and the clock runs until the
 * receiver (which verifies every signature) has them all. One change per user, so changes and calls are the same
 * number (nothing to coalesce). Writes {@code it/target/webhook-throughput.md}. Run it alone (see
 * docs/benchmarks.md): {@code flock /tmp/orgbridge-bench.lock mvn -B verify -pl it -am
 * -Dtest=WebhookThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class WebhookThroughputBenchmark {

    private static final int EVENTS = Integer.getInteger("orgbridge.bench.events", 20_000);

    @Test
    void deliversABacklogToAWebhook() throws Exception {
        try (DeliveryStage stage = DeliveryStage.start(); WebhookReceiver receiver = new WebhookReceiver()) {
            stage.warmUp();
            double fill = stage.importUsers(stage.realm(), "hook", EVENTS);
            HeapSampler heap = HeapSampler.start(stage.node().pid());
            WebhookDrain.Result drain = WebhookDrain.run(stage, stage.realm(), receiver, EVENTS,
                    Duration.ofSeconds(120 + EVENTS / 50));
            heap.stop();
            Reports.write("webhook-throughput.md", """
                    # Webhook delivery throughput

                    %s

                    After a warm-up (changes of other users drained to another webhook in another realm, see \
                    `orgbridge.bench.warm-up`), %d users were created through Orgbridge's bulk import (CSV, 10,000 rows per request; %.0f s, %.0f \
                    users/s; each user an admin event `CREATE USER`, so the capture listener writes one `user.created` \
                    per user in the import's transaction) while the realm had no \
                    target, so the changes waited in the outbox. Then a webhook target was added (admin REST) to a \
                    receiver on loopback that verifies every Standard Webhooks signature (JDK HTTP server, 8 \
                    threads); the clock runs from that request. One change per user: no coalescing, calls = changes.

                    %s
                    Keycloak's peak used heap meanwhile (jstat, every 250 ms): %d MiB of 768.

                    Target (issue #6): at least 500 events/s.
                    """.formatted(stage.environment(), EVENTS, fill, EVENTS / fill, drain.table(), heap.peakMib()));
        }
    }
}
