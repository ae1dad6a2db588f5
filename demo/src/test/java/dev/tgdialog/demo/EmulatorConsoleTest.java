package dev.tgdialog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.emulator.Emulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The offline demo's two faces: the console and the emulator's page are one chat of one user with one bot. */
class EmulatorConsoleTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void whatTheConsoleTypes_thePageShows_andWhatThePageClicks_theConsolePrints() throws Exception {
        try (Emulator emulator = DemoBot.startEmulator(order -> {}, Emulator.ANY_PORT)) {
            URI page = emulator.address();
            PipedOutputStream keyboard = new PipedOutputStream();
            Screen screen = new Screen();
            OfflineConsole console = new OfflineConsole(
                    new PipedInputStream(keyboard),
                    new PrintStream(screen, true, StandardCharsets.UTF_8),
                    true,
                    emulator.harness());
            Thread chat = new Thread(() -> {
                try {
                    console.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            chat.start();

            keyboard.write("/start\n".getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            screen.await("bot> Which pizza size?");
            String state = state(page);
            assertThat(state)
                    .contains("{\"from\":\"user\",\"userId\":1001,\"name\":\"You\",\"text\":\"/start\"}")
                    .contains("\"id\":1,\"kind\":\"text\",\"text\":\"Which pizza size?\"");

            // The sizes are the bot's first message in the chat.
            post(page, "{\"user\":1001,\"chat\":1001,\"messageId\":1,\"label\":\"Large\"}");
            screen.await("bot (edited)> Size L. How many pizzas?");

            keyboard.close();
            chat.join(10_000);
            assertThat(chat.isAlive()).as("the console ends with its input").isFalse();
            assertThat(screen.toString()).endsWith("bye\n");
        }
    }

    /** The page's state as the JSON text it reads (the demo's tests do without a JSON library of their own). */
    private String state(URI page) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(page.resolve("/api/state?user=1001&chat=1001"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private void post(URI page, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(page.resolve("/api/click"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** What the console printed, which a test can wait on. */
    private static final class Screen extends OutputStream {
        private final ByteArrayOutputStream raw = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            raw.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            raw.write(b, off, len);
            notifyAll();
        }

        /** Waits up to ten seconds for the screen to show {@code text}. */
        synchronized void await(String text) throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!toString().contains(text)) {
                long left = deadline - System.nanoTime();
                assertThat(left)
                        .as("the console to print \"%s\"; it printed:%n%s", text, this)
                        .isPositive();
                wait(left / 1_000_000 + 1);
            }
        }

        @Override
        public synchronized String toString() {
            return raw.toString(StandardCharsets.UTF_8);
        }
    }
}
