package dev.orgbridge.it.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Fills a realm with many things through the admin API, four requests at a time. */
final class Fill {

    private Fill() {
    }

    /** Runs {@code create} for every number from {@code from} (inclusive) to {@code to} (exclusive). */
    static void range(int from, int to, IntConsumer create) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> created = new ArrayList<>();
            for (int n = from; n < to; n++) {
                int item = n;
                created.add(pool.submit(() -> create.accept(item)));
            }
            for (Future<?> f : created) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
