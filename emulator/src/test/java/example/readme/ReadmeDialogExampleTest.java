package example.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.DialogBot;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeTime;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import pizza.PizzaBot;
import pizza.TryIt;

/**
 * What the README's first bot (the files in the {@code pizza} package, shown whole in the README and built as a fresh
 * project by {@code scripts/newcomer-check}) promises beyond its own test: it polls the client it is given until it
 * is stopped (what {@code main} waits for), {@code TryIt} shows it in the emulator, and its dialog stays short.
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

    /** TryIt's main serves the bot in the emulator until Enter: /start there shows the first window. */
    @Test
    void tryIt_servesTheBotInTheBrowser_untilEnter() throws Exception {
        InputStream stdin = System.in;
        PrintStream stdout = System.out;
        PipedOutputStream enter = new PipedOutputStream();
        BlockingQueue<String> printed = new LinkedBlockingQueue<>();
        System.setIn(new PipedInputStream(enter));
        System.setOut(new PrintStream(
                new ByteArrayOutputStream() {
                    @Override
                    public void flush() {
                        printed.add(toString(StandardCharsets.UTF_8));
                        reset();
                    }
                },
                true,
                StandardCharsets.UTF_8));
        CompletableFuture<Void> main = CompletableFuture.runAsync(() -> {
            try {
                TryIt.main(new String[0]);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            String line = openLine(printed);
            assertThat(line).as("what main printed").startsWith("Open http://127.0.0.1:");
            URI page = URI.create(line.substring("Open ".length(), line.indexOf(" and send")));
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> sent = http.send(
                    HttpRequest.newBuilder(page.resolve("/api/send"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"user\":1001,\"chat\":1001,\"text\":\"/start\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
            String state = http.send(
                            HttpRequest.newBuilder(page.resolve("/api/state?user=1001&chat=1001"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(state).contains("Which size?", "Small", "Large");

            enter.write('\n');
            enter.flush();
            assertThat(main).as("main ends on Enter").succeedsWithin(Duration.ofSeconds(10));
            assertThatThrownBy(
                            () -> http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()))
                    .as("the emulator closed with main")
                    .isInstanceOf(java.io.IOException.class);
        } finally {
            enter.close();
            System.setIn(stdin);
            System.setOut(stdout);
        }
    }

    /** The line main prints with the address; log lines may come before it on the same stream. */
    private static String openLine(BlockingQueue<String> printed) throws InterruptedException {
        while (true) {
            String chunk = printed.poll(30, TimeUnit.SECONDS);
            assertThat(chunk).as("main printed the address").isNotNull();
            for (String line : chunk.split("\n")) {
                if (line.startsWith("Open ")) {
                    return line;
                }
            }
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
