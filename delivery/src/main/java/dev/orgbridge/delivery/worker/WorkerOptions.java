package dev.orgbridge.delivery.worker;

import java.time.Duration;
import org.keycloak.Config;

/**
 * The worker's server options, {@code --spi-orgbridge-delivery--orgbridge-worker--<option>}: the same on every node.
 *
 * @param interval  how often each node looks for work
 * @param threads   calls in flight at once per node
 * @param batchSize outbox entries dispatched, and deliveries of one target read, per transaction
 * @param lease     how long a node holds a target before another may take it over (it renews while working)
 * @param retention how long settled deliveries stay in the provisioning log
 */
record WorkerOptions(Duration interval, int threads, int batchSize, Duration lease, Duration retention) {

    static final WorkerOptions DEFAULT = new WorkerOptions(Duration.ofSeconds(1), 4, 500, Duration.ofSeconds(60),
            Duration.ofDays(7));

    static WorkerOptions of(Config.Scope config) {
        return new WorkerOptions(
                Duration.ofMillis(config.getLong("intervalMillis", DEFAULT.interval().toMillis())),
                config.getInt("threads", DEFAULT.threads()),
                config.getInt("batchSize", DEFAULT.batchSize()),
                Duration.ofSeconds(config.getLong("leaseSeconds", DEFAULT.lease().toSeconds())),
                Duration.ofDays(config.getLong("retentionDays", DEFAULT.retention().toDays())));
    }

    WorkerOptions {
        if (interval.toMillis() < 10 || threads < 1 || batchSize < 1 || lease.toSeconds() < 5
                || retention.toDays() < 1) {
            throw new IllegalArgumentException("orgbridge-delivery options: interval at least 10 ms, threads and "
                    + "batch size at least 1, lease at least 5 s, retention at least 1 day");
        }
    }
}
