package dev.orgbridge.it.bench;

import dev.orgbridge.it.harness.WebhookReceiver;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Load harness, not a test: a backlog of {@code orgbridge.bench.backlog} (default 100,000) changes drains to a webhook
 * receiver in bounded batches, so Keycloak's memory stays flat however long the backlog. The changes are the
 * {@code user.created} of as many users made by Orgbridge's bulk import while the realm had no target; then a webhook
 * target is added. Every {@code orgbridge.bench.heap-every-seconds} (default 15) the harness forces a full GC in the
 * Keycloak JVM ({@code jcmd GC.run}) and reads the heap left (the live heap); jstat reads the used heap every 250 ms
 * for the peak. Writes {@code it/target/backlog-drain.md}. Run it alone (see docs/benchmarks.md):
 * {@code flock /tmp/orgbridge-bench.lock mvn -B verify -pl it -am -Dtest=BacklogDrainBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class BacklogDrainBenchmark {

    private static final int BACKLOG = Integer.getInteger("orgbridge.bench.backlog", 100_000);
    private static final Duration HEAP_EVERY = Duration.ofSeconds(
            Integer.getInteger("orgbridge.bench.heap-every-seconds", 15));

    @Test
    void drainsALargeBacklogWithFlatMemory() throws Exception {
        try (DeliveryStage stage = DeliveryStage.start(); WebhookReceiver receiver = new WebhookReceiver()) {
            double fill = stage.importUsers(stage.realm(), "backlog", BACKLOG);
            HeapSampler heap = HeapSampler.start(stage.node().pid());
            heap.live("before: " + BACKLOG + " changes in the outbox, no target");
            WebhookDrain.Result drain = WebhookDrain.run(stage, stage.realm(), receiver, BACKLOG,
                    Duration.ofSeconds(300 + BACKLOG / 50), HEAP_EVERY,
                    seconds -> heap.live("draining: " + stage.outbox(stage.realm()) + " in the outbox"));
            heap.live("after: drained");
            heap.stop();
            String readings = heap.liveReadings().stream()
                    .map(r -> "| %.0f | %d | %s |".formatted(r.atSeconds(), r.mib(), r.label()))
                    .collect(Collectors.joining("\n"));
            Reports.write("backlog-drain.md", """
                    # Draining a backlog of %d changes

                    %s

                    %d users were created through Orgbridge's bulk import (CSV, 10,000 rows per request; %.0f s, %.0f \
                    users/s; each user an admin event `CREATE USER`, so the capture listener writes one `user.created` \
                    per user in the import's transaction) while the realm had no \
                    target: %d changes waited in the outbox. Then a webhook target was added to a receiver on \
                    loopback that verifies every signature; the clock runs from that request.

                    %s
                    ## Memory

                    Peak used heap during the drain (jstat every 250 ms, garbage included): **%d MiB** of 768. Live \
                    heap (after a full GC forced with `jcmd GC.run` every %d s; the forced GCs slow the drain a \
                    little):

                    | s after the target was added | MiB live | state |
                    |---|---|---|
                    %s

                    The worker holds at most one batch (`batch-size`, 500 by default) of outbox entries and of \
                    deliveries at a time; flat live heap while the outbox shrinks from %d to 0 shows that memory \
                    does not grow with the backlog.
                    """.formatted(BACKLOG, stage.environment(), BACKLOG, fill, BACKLOG / fill, BACKLOG,
                    drain.table(), heap.peakMib(), HEAP_EVERY.toSeconds(), readings, BACKLOG));
        }
    }
}
