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
            // rr parks the fake Telegram's chats off the heap in the middle of the dialogs and brings them back:
            // the loop above would fail if any chat came back other than it was.
            assertThat(line.has("framework_state_per_user_b")).as(mode).isEqualTo(mode.equals("rr"));
            assertThat(line.has("harness_state_per_user_b")).as(mode).isEqualTo(mode.equals("rr"));
            // Every update of the scenario makes a call about its chat: each has a latency, ordered by rank.
            double p50 = line.get("latency_p50_us").getAsDouble();
            double p99 = line.get("latency_p99_us").getAsDouble();
            double max = line.get("latency_max_us").getAsDouble();
            assertThat(p50).as(mode).isPositive().isLessThanOrEqualTo(p99);
            assertThat(p99).as(mode).isLessThanOrEqualTo(max);
            assertThat(line.get("latency_max_where").getAsString()).as(mode).matches("step [0-4] at \\d+ ms");
        }
    }

    @Test
    void parkedChats_leaveTheHeap_andComeBackAsTheyWere() {
        BenchTelegram telegram = new BenchTelegram();
        BenchTelegram.Chat chat = telegram.chat(42);
        chat.next = 4;
        chat.lastKeyboard = 3;
        chat.messages.put(1, new BenchTelegram.Msg("\"hi\"".getBytes(), null));
        chat.messages.put(3, new BenchTelegram.Msg("\"pick\"".getBytes(), "{\"inline_keyboard\":[]}".getBytes()));

        var parked = telegram.park();

        assertThat(telegram.chats).isEmpty();
        assertThat(parked.isDirect()).isTrue();

        telegram.unpark(parked);

        BenchTelegram.Chat back = telegram.chats.get(42L);
        assertThat(back.next).isEqualTo(4);
        assertThat(back.lastKeyboard).isEqualTo(3);
        assertThat(back.messages.get(1).text()).isEqualTo("hi");
        assertThat(back.messages.get(1).keyboardJson).isNull();
        assertThat(back.messages.get(2)).isNull();
        assertThat(back.messages.get(3).text()).isEqualTo("pick");
        assertThat(new String(back.messages.get(3).keyboardJson)).isEqualTo("{\"inline_keyboard\":[]}");
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
