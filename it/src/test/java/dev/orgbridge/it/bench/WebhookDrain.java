package dev.orgbridge.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.it.harness.DeliveryRealm;
import dev.orgbridge.it.harness.WebhookReceiver;
import dev.orgbridge.it.harness.WebhookReceiver.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One measured drain of a webhook backlog: {@code events} {@code user.created} changes of distinct users wait in the
 * outbox (no target yet); a webhook target to a signature-verifying receiver on loopback is added, and the clock
 * runs from that moment until the receiver has them all and the provisioning log has recorded each as delivered.
 * Checks the end state: the outbox empty, one {@code delivered} row per change, one call per change, every call
 * signed; fails otherwise.
 */
final class WebhookDrain {

    /** What the drain took: seconds until the receiver had everything, and the delivery log confirmed it. */
    record Result(int events, int calls, double firstArrivalSeconds, double lastArrivalSeconds,
                  double middleEventsPerSecond, double recordedSeconds, Map<String, Long> log,
                  DeliveryStage.Cpu cpu) {

        double eventsPerSecond() {
            return events / lastArrivalSeconds;
        }

        String table() {
            return """
                    | What | Value |
                    |---|---|
                    | changes in the backlog (distinct users, `user.created`) | %d |
                    | calls the receiver got | %d |
                    | first call arrived after | %.1f s |
                    | last call arrived after | %.1f s |
                    | **throughput: changes / time to the last arrival** | **%.0f events/s** |
                    | throughput between the 10th and the 90th percentile of arrivals | %.0f events/s |
                    | every delivery recorded in the log after | %.1f s |
                    | provisioning log at the end | %s |
                    """.formatted(events, calls, firstArrivalSeconds, lastArrivalSeconds, eventsPerSecond(),
                    middleEventsPerSecond, recordedSeconds, log) + cpu.rows(events, "event");
        }
    }

    private WebhookDrain() {
    }

    /** Adds the target to the realm and waits up to {@code within}. */
    static Result run(DeliveryStage stage, DeliveryRealm realm, WebhookReceiver receiver, int events,
                      Duration within) {
        return run(stage, realm, receiver, events, within, Duration.ofDays(1), seconds -> { });
    }

    /**
     * Adds the target to the realm and waits up to {@code within}; {@code meanwhile} runs every {@code every} while
     * waiting (with the seconds elapsed), e.g. to read the heap.
     */
    static Result run(DeliveryStage stage, DeliveryRealm realm, WebhookReceiver receiver, int events, Duration within,
                      Duration every, Consumer<Double> meanwhile) {
        assertEquals(events, stage.outbox(realm), "the backlog waits in the outbox before the target exists");
        DeliveryStage.Cpu cpuBefore = stage.cpu();
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        String target = realm.addWebhook(stage.node().admin(), receiver.url(), Map.of());
        long deadline = started + within.toNanos();
        long nextReading = started + every.toNanos();
        Map<String, Long> log = Map.of();
        while (System.nanoTime() < deadline) {
            if (System.nanoTime() >= nextReading) {
                meanwhile.accept((System.nanoTime() - started) / 1e9);
                nextReading += every.toNanos();
            }
            log = stage.deliveries(target);
            if (log.getOrDefault("DELIVERED", 0L) >= events) {
                break;
            }
            sleep(Duration.ofMillis(500));
        }
        double recorded = (System.nanoTime() - started) / 1e9;
        DeliveryStage.Cpu cpu = stage.cpu().since(cpuBefore);
        List<Delivery> received = receiver.received();
        Set<String> ids = received.stream().map(Delivery::id).collect(Collectors.toSet());
        Set<String> users = received.stream().filter(d -> "user.created".equals(d.type())).map(Delivery::username)
                .collect(Collectors.toSet());
        assertEquals(Map.of("DELIVERED", (long) events), log, "one delivered row per change, nothing else: " + log);
        assertEquals(0, stage.outbox(realm), "the outbox is empty");
        assertEquals(events, users.size(), "every user's creation reached the receiver");
        assertEquals(events, ids.size(), "one webhook-id per change");
        assertTrue(received.stream().allMatch(Delivery::signatureValid), "every call signed");

        List<Double> arrivals = received.stream().map(Delivery::receivedAt).sorted(Comparator.naturalOrder())
                .map(at -> Duration.between(startedAt, at).toNanos() / 1e9).toList();
        double p10 = arrivals.get(arrivals.size() / 10);
        double p90 = arrivals.get(arrivals.size() * 9 / 10);
        return new Result(events, received.size(), arrivals.get(0), arrivals.get(arrivals.size() - 1),
                (arrivals.size() * 0.8) / (p90 - p10), recorded, log, cpu);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
