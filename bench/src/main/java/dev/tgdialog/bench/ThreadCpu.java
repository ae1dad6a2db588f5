package dev.tgdialog.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The process's CPU time split by the kind of thread that spent it, read from Linux's per-thread scheduler
 * statistics ({@code /proc/self/task/<tid>/schedstat}, nanoseconds on a CPU) and named by each thread's
 * {@code comm}: the handlers and the bench's own threads, the Redis pipelines' I/O threads, the garbage
 * collector and other VM threads, and the JIT compilers (the main thread's {@code comm} is the launcher's
 * {@code java}). It tells where one store's CPU per update goes beside
 * the other's, which the process total cannot. Empty where {@code /proc} is not readable (not Linux).
 */
final class ThreadCpu {
    private ThreadCpu() {}

    /** Nanoseconds on a CPU so far, per thread (keyed by tid, with its group), of the threads alive now. */
    static Map<String, Long> byGroup() {
        Map<String, Long> perThread = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        try (DirectoryStream<Path> all = Files.newDirectoryStream(tasks)) {
            for (Path task : all) {
                try {
                    String comm = Files.readString(task.resolve("comm")).strip();
                    String schedstat = Files.readString(task.resolve("schedstat"));
                    long nanos = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
                    perThread.put(group(comm) + "/" + task.getFileName(), nanos);
                    // Of which in the kernel: utime and stime in clock ticks (fields 14 and 15 of stat, counted
                    // after the parenthesised name), scaled to nanoseconds at the usual 100 ticks a second.
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    perThread.put(group(comm) + "_sys/" + task.getFileName(), Long.parseLong(fields[12]) * 10_000_000L);
                } catch (IOException | RuntimeException e) {
                    // The thread ended while it was read: it is left out, as the run's threads that end are.
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return perThread;
    }

    /**
     * Each group's CPU time since {@code before} (a {@link #byGroup} reading): a thread that started since counts
     * from zero; one that ended in between is lost (the bench's pools live through the measured run).
     */
    static Map<String, Long> since(Map<String, Long> before) {
        Map<String, Long> now = byGroup();
        Map<String, Long> groups = new TreeMap<>();
        now.forEach((thread, nanos) -> groups.merge(
                thread.substring(0, thread.indexOf('/')), nanos - before.getOrDefault(thread, 0L), Long::sum));
        return groups;
    }

    private static String group(String comm) {
        if (comm.startsWith("tgdialog-redis")) {
            return "redis_io";
        }
        if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
            return "jit";
        }
        if (comm.startsWith("GC Thread")
                || comm.startsWith("VM Thread")
                || comm.startsWith("ParGC")
                || comm.startsWith("G1 ")) {
            return "gc_vm";
        }
        if (comm.startsWith("ForkJoinPool")
                || comm.startsWith("pool-")
                || comm.equals("java")
                || comm.startsWith("main")
                || comm.startsWith("bench")) {
            return "handlers";
        }
        return "other";
    }
}
