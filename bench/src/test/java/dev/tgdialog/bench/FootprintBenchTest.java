package dev.tgdialog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** Proves the footprint bench works (a real bot process against the fake Bot API); its figures are never asserted. */
class FootprintBenchTest {

    @Test
    void theWizardBot_startedAsAProcess_answersEveryUser_andIsWeighed() throws Exception {
        JsonObject line = FootprintBench.run("wizard", "-Xmx64m", "test", null, 20, 0);
        System.out.println(line);

        assertThat(line.get("start_to_first_answer_ms").getAsDouble()).isPositive();
        assertThat(line.get("rss_idle_mb").getAsDouble()).isPositive();
        assertThat(line.get("rss_idle_open_mb").getAsDouble()).isPositive();
        assertThat(line.get("rss_peak_mb").getAsDouble())
                .isGreaterThanOrEqualTo(line.get("rss_idle_open_mb").getAsDouble());
        assertThat(line.get("users").getAsInt()).isEqualTo(20);
        // The bot called nothing the fake does not know: it ran as it would against Telegram.
        assertThat(line.get("unknown_methods").getAsString()).isEmpty();
    }
}
