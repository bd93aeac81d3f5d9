package dev.orgbridge.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples a Keycloak JVM's heap with the JDK's own tools while a run lasts: {@code jstat -gc} every 250 ms for the
 * used heap (young and old generations, garbage included: the peak the JVM actually needed), and on request the live
 * heap, i.e. what is left after a full GC forced with {@code jcmd GC.run}: what the server holds on to.
 */
final class HeapSampler {

    /** One live-heap reading: seconds since the sampler started, MiB left after a full GC. */
    record Live(double atSeconds, long mib, String label) {
    }

    private static final long MIB = 1024 * 1024;

    private final long pid;
    private final long started = System.nanoTime();
    private final AtomicLong peak = new AtomicLong();
    private final List<Live> live = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running = true;
    private Thread thread;

    private HeapSampler(long pid) {
        this.pid = pid;
    }

    /** Starts sampling the JVM with this pid. */
    static HeapSampler start(long pid) {
        HeapSampler sampler = new HeapSampler(pid);
        sampler.thread = new Thread(sampler::sample, "heap-sampler");
        sampler.thread.setDaemon(true);
        sampler.thread.start();
        return sampler;
    }

    /** The test framework's Keycloak server (the one process with a {@code kc.home.dir}). */
    static long testFrameworkServer() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("kc.home.dir")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Keycloak server process found"));
    }

    /** Stops sampling; answers the peak used heap in bytes. */
    long stop() throws InterruptedException {
        running = false;
        thread.join();
        return peak.get();
    }

    long peakMib() {
        return peak.get() / MIB;
    }

    /** Forces a full GC in the JVM, then records and answers the heap left (MiB). */
    long live(String label) {
        run("jcmd", Long.toString(pid), "GC.run");
        long mib = (long) usedBytes() / MIB;
        live.add(new Live((System.nanoTime() - started) / 1e9, mib, label));
        return mib;
    }

    List<Live> liveReadings() {
        return List.copyOf(live);
    }

    private void sample() {
        while (running) {
            try {
                peak.accumulateAndGet((long) usedBytes(), Math::max);
                Thread.sleep(250);
            } catch (RuntimeException e) {
                return; // the JVM is gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Survivor, eden and old generation in use, from {@code jstat -gc} (which reports KiB). */
    private double usedBytes() {
        List<String> lines = run("jstat", "-gc", Long.toString(pid)).lines().toList();
        if (lines.size() < 2) {
            throw new IllegalStateException("jstat answered: " + lines);
        }
        List<String> names = List.of(lines.get(0).trim().split("\\s+"));
        String[] values = lines.get(1).trim().split("\\s+");
        double usedKb = 0;
        for (String column : List.of("S0U", "S1U", "EU", "OU")) {
            usedKb += Double.parseDouble(values[names.indexOf(column)]);
        }
        return usedKb * 1024;
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }
}
