package example.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.DialogBot;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import pizza.PizzaBot;

/**
 * What the README's first bot (the files in the {@code pizza} package, shown whole in the README and built as a fresh
 * project by {@code scripts/newcomer-check}) promises beyond its own test: it polls the client it is given until it
 * is stopped (what {@code main} waits for), and its dialog stays short.
 */
class ReadmeDialogExampleTest {
    @Test
    void theBot_startsLongPolling_onItsClient() throws InterruptedException {
        FakeTelegram fake = new FakeTelegram();
        TelegramClient telegram = fake.client(new FakeTime());
        CountDownLatch polled = new CountDownLatch(1);
        fake.onCall(call -> {
            if (call.method().equals("getUpdates")) {
                polled.countDown();
            }
        });
        DialogBot bot = PizzaBot.setup(DialogBot.builder(telegram)).build().start();
        try {
            assertThat(polled.await(10, TimeUnit.SECONDS))
                    .as("the bot asked its client for updates")
                    .isTrue();
            CompletableFuture<Void> ended = bot.terminated(); // what main waits for
            assertThat(ended).as("while the bot polls").isNotDone();
            bot.stop();
            assertThat(ended).as("main's wait ends with the bot").succeedsWithin(Duration.ofSeconds(10));
        } finally {
            bot.stop();
        }
    }

    /** A newcomer's first dialog: at most six imports and 25 lines of dialog (issue 13). */
    @Test
    void theFirstDialog_isShort() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/java/pizza/Order.java"));
        long imports = lines.stream().filter(l -> l.startsWith("import ")).count();
        int from = lines.indexOf("final class Order {");
        int to = lines.lastIndexOf("}");

        assertThat(imports).isLessThanOrEqualTo(6);
        assertThat(from).isPositive();
        assertThat(to - from - 1).isLessThanOrEqualTo(25);
    }
}
