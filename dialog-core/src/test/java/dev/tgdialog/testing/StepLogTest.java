package dev.tgdialog.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepLogTest {

    @Test
    void eachDistinctStep_isAppendedOnce_asTabSeparatedIds_emptyForNoDialog(@TempDir Path dir) throws Exception {
        StepLog log = StepLog.in(dir);
        Step start = new Step(null, new Step.At("order", "SIZE"));
        Step next = new Step(new Step.At("order", "SIZE"), new Step.At("order", "QUANTITY"));
        Step end = new Step(new Step.At("order", "QUANTITY"), null);

        log.record(start);
        log.record(next);
        log.record(start);
        StepLog.in(dir).record(end);

        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).startsWith("steps-").endsWith(".tsv");
        assertThat(Files.readAllLines(files.get(0)))
                .containsExactly("\t\torder\tSIZE", "order\tSIZE\torder\tQUANTITY", "order\tQUANTITY\t\t");
    }

    @Test
    void harnessesOnManyThreads_writeWholeLines_eachStepOnce(@TempDir Path dir) throws Exception {
        int threads = 8;
        int steps = 200;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    StepLog log = StepLog.in(dir);
                    for (int i = 0; i < steps; i++) {
                        log.record(new Step(new Step.At("d", "W" + i), new Step.At("d", "W" + (i + 1))));
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> lines;
        try (Stream<Path> listed = Files.list(dir)) {
            lines = Files.readAllLines(listed.findFirst().orElseThrow());
        }
        assertThat(lines).hasSize(steps).doesNotHaveDuplicates().allMatch(l -> l.matches("d\\tW\\d+\\td\\tW\\d+"));
    }
}
