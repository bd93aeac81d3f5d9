package dev.orgbridge.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;

/**
 * CPU time a process (and its children) used so far, from {@code /proc/<pid>/stat}: what a measurement costs in CPU,
 * which, unlike its wall-clock time, does not depend on what else the machine runs meanwhile.
 */
final class CpuTime {

    /** Linux's USER_HZ: /proc reports CPU time in hundredths of a second. */
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuTime() {
    }

    /** Seconds of CPU the process, its live descendants and its reaped children used. */
    static double ofTree(long pid) {
        LongStream descendants = ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .mapToLong(ProcessHandle::pid);
        return (ticks(pid, true) + descendants.map(child -> ticks(child, false)).sum()) / TICKS_PER_SECOND;
    }

    /** Seconds of CPU this JVM used (the harness: the receivers on loopback, the polling). */
    static double ofThisJvm() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() / 1e9;
    }

    /** utime + stime (+ cutime + cstime: children that exited), 0 when the process is gone. */
    private static long ticks(long pid, boolean reaped) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return reaped ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
        } catch (IOException e) {
            return 0;
        }
    }
}
