package dev.tgdialog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** Proves the benchmark works (CI runs it with a few users); its figures are printed, never asserted. */
class WizardBenchTest {

    @Test
    void everyMode_completesTheClosedLoop_withNoFailure_andTheScenariosCallCount() throws Exception {
        for (String mode : new String[] {"seq", "rr", "conc"}) {
            WizardBench.Result result = WizardBench.run(mode, 60, 10);
            JsonObject line = JsonParser.parseString(result.json()).getAsJsonObject();
            System.out.println(line);

            assertThat(result.failures())
                    .as(mode + ": " + result.firstFailures())
                    .isZero();
            assertThat(result.errors()).isZero();
            assertThat(line.get("updates").getAsLong()).isEqualTo(300);
            assertThat(line.get("api_calls_per_update").getAsDouble()).isEqualTo(1.6);
            for (String field : new String[] {
                "impl",
                "store",
                "stub",
                "mode",
                "users",
                "updates",
                "failures",
                "errors",
                "wall_ms",
                "updates_per_s",
                "us_per_update",
                "cpu_us_per_update",
                "api_calls_per_update",
                "store_commands_per_update",
                "store_round_trips_per_update",
                "heap_live_per_user_b",
                "rss_peak_mb"
            }) {
                assertThat(line.has(field)).as(field).isTrue();
            }
            // Every update of the scenario makes a call about its chat: each has a latency, ordered by rank.
            double p50 = line.get("latency_p50_us").getAsDouble();
            double p99 = line.get("latency_p99_us").getAsDouble();
            double max = line.get("latency_max_us").getAsDouble();
            assertThat(p50).as(mode).isPositive().isLessThanOrEqualTo(p99);
            assertThat(p99).as(mode).isLessThanOrEqualTo(max);
        }
    }

    @Test
    void percentiles_areTheNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i + 1;
        }
        assertThat(WizardBench.percentile(sorted, 0.50)).isEqualTo(50);
        assertThat(WizardBench.percentile(sorted, 0.99)).isEqualTo(99);
        assertThat(WizardBench.percentile(sorted, 1.0)).isEqualTo(100);
        assertThat(WizardBench.percentile(new long[] {7}, 0.99)).isEqualTo(7);
    }
}
