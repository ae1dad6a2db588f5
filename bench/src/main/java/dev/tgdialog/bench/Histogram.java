package dev.tgdialog.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;

/**
 * The JVM's class histogram of live objects (what {@code jcmd GC.class_histogram} prints, after a full collection),
 * read in-process, and the difference of two of them per user: which classes the framework's state per user is
 * made of.
 */
final class Histogram {
    private Histogram() {}

    /** Class name to {instances, bytes} of the live heap now. */
    static Map<String, long[]> take() {
        String text;
        try {
            text = (String) ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {null},
                            new String[] {String[].class.getName()});
        } catch (Exception e) {
            throw new IllegalStateException("no class histogram from this JVM", e);
        }
        Map<String, long[]> out = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            // "  12:   3456   78901  java.lang.String (java.base@17)"
            if (f.length >= 4 && f[0].endsWith(":")) {
                out.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return out;
    }

    /** Prints the {@code rows} classes that grew most in bytes from {@code before} to {@code after}, per user. */
    static void printDifference(Map<String, long[]> before, Map<String, long[]> after, int users, int rows) {
        List<Map.Entry<String, long[]>> grown = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long[] d = {e.getValue()[0] - b[0], e.getValue()[1] - b[1]};
            total += d[1];
            grown.add(Map.entry(e.getKey(), d));
        }
        grown.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
        System.err.printf("live heap grown per user: %.1f B%n", (double) total / users);
        for (Map.Entry<String, long[]> e : grown.subList(0, Math.min(rows, grown.size()))) {
            System.err.printf(
                    "  %8.1f B  %6.2f objects  %s%n",
                    (double) e.getValue()[1] / users, (double) e.getValue()[0] / users, e.getKey());
        }
    }
}
