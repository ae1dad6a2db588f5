// The README shows this file's snippets as they are: the formatter leaves them alone.
// spotless:off
package example.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.DialogBot;
import dev.tgdialog.WindowId;
import dev.tgdialog.events.BotEvents;
import dev.tgdialog.events.UpdateOutcome;
import dev.tgdialog.micrometer.TgdialogMetrics;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeTime;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The metrics snippets of the README, compiled and run so they cannot rot. */
class ReadmeMetricsExampleTest {
    enum Step implements WindowId { HELLO }

    static final Dialog ORDER = Dialog.builder("order").window(Step.HELLO, w -> w.text("Hello")).build();

    static DialogBot bot(TelegramClient telegram, MeterRegistry registry) {
        // --- README: metrics ---
        TgdialogMetrics metrics = new TgdialogMetrics();
        metrics.bindTo(registry);          // Spring Boot binds a MeterBinder bean by itself
        DialogBot bot = DialogBot.builder(telegram)
                .events(metrics)           // also reports the Bot API calls the bot makes
                .dialogs(ORDER)
                .build();
        // --- end ---
        return bot;
    }

    // --- README: a listener ---
    static final List<String> slowUpdates = new CopyOnWriteArrayList<>();

    static final BotEvents SLOW_UPDATES = new BotEvents() {
        @Override
        public void updateHandled(String kind, UpdateOutcome outcome, long nanos) {
            if (nanos > 2_000_000_000L) {
                slowUpdates.add(kind + " took " + nanos / 1_000_000 + " ms");
            }
        }
    };
    // --- end ---
    // spotless:on

    @Test
    void theBotsMeters_reachTheRegistry_andTheReadmeShowsTheSnippets() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TelegramClient telegram = new FakeTelegram().client(new FakeTime());
        DialogBot bot = bot(telegram, registry);

        bot.forUser(1001, 1001).start(ORDER).join();
        bot.stop();
        SLOW_UPDATES.updateHandled("message", UpdateOutcome.HANDLED, 3_000_000_000L);

        assertThat(registry.get("tgdialog.dialogs.started")
                        .tag("dialog", "order")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("tgdialog.api.calls")
                        .tag("method", "sendMessage")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(slowUpdates).containsExactly("message took 3000 ms");
        String source = Files.readString(Path.of("src/test/java/example/readme/ReadmeMetricsExampleTest.java"));
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(readme).contains(snippet(source, "metrics"), snippet(source, "a listener"));
    }

    /** The lines between a snippet's markers, without the class's indentation. */
    private static String snippet(String source, String name) {
        String open = "// --- README: " + name + " ---\n";
        int from = source.indexOf(open) + open.length();
        int to = source.lastIndexOf('\n', source.indexOf("// --- end ---", from));
        return source.substring(from, to).stripIndent();
    }
}
