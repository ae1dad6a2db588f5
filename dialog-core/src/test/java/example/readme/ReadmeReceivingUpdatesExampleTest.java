// The README shows this file's snippets as they are: the formatter leaves them alone.
// spotless:off
package example.readme;

import static dev.tgdialog.test.TelegramJson.TOKEN;
import static dev.tgdialog.test.TelegramJson.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.Transport;
import dev.tgdialog.updates.LongPolling;
import dev.tgdialog.updates.UpdateHandler;
import dev.tgdialog.updates.WebhookServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The README's snippets of "Receiving updates" and of the JDK transport, compiled and run on loopback. */
class ReadmeReceivingUpdatesExampleTest {
    private final BlockingQueue<String> logged = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
    private final Log log = new Log();

    /** Stands in for the bot's SLF4J logger. */
    private final class Log {
        void info(String format, Object arg) {
            logged.add(format.replace("{}", String.valueOf(arg)));
        }
    }

    /** A local Bot API: one update to the first poll, none to later ones; setWebhook succeeds. */
    private final class LocalBotApi extends Dispatcher {
        private final AtomicBoolean polled = new AtomicBoolean();

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            String method = path.substring(path.lastIndexOf('/') + 1);
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            calls.add(method + " " + body);
            if (method.equals("getUpdates") && !polled.getAndSet(true)) {
                return new MockResponse.Builder()
                        .body(ok("[{\"update_id\":1,\"message\":{\"message_id\":1,\"chat\":{\"id\":7,\"type\":\"private\"},"
                                + "\"date\":1767225600,\"text\":\"polled\"}}]"))
                        .build();
            }
            if (method.equals("getUpdates")) {
                // Nothing new: a real long poll would wait up to its timeout; a short wait stops the loop spinning.
                return new MockResponse.Builder()
                        .headersDelay(100, TimeUnit.MILLISECONDS)
                        .body(ok("[]"))
                        .build();
            }
            return new MockResponse.Builder().body(ok("true")).build();
        }
    }

    private void receive(TelegramClient telegram, int port) throws Exception {
        // --- README: receiving updates ---
        UpdateHandler handler = update -> {
            log.info("update {}", update.updateId());
            return CompletableFuture.completedFuture(null);   // complete it once the update is handled
        };
        LongPolling polling = LongPolling.builder(telegram, handler).build().start();     // or:
        WebhookServer server = WebhookServer.builder(handler).port(port).build().start();  // 8080 by default, 0: any free
        server.register(telegram, "https://bot.example.com" + server.path());
        // --- end ---
        try {
            assertThat(logged.poll(10, TimeUnit.SECONDS)).isEqualTo("update 1");
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + server.path()))
                                    .header("Content-Type", "application/json")
                                    .header("X-Telegram-Bot-Api-Secret-Token", server.secretToken())
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"update_id\":2,\"message\":{"
                                            + "\"message_id\":2,\"chat\":{\"id\":7,\"type\":\"private\"},"
                                            + "\"date\":1767225600,\"text\":\"pushed\"}}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(logged.poll(10, TimeUnit.SECONDS)).isEqualTo("update 2");
        } finally {
            polling.stop();
            server.close();
        }
    }

    private TelegramClient jdkClient(String token) {
        // --- README: the JDK transport ---
        TelegramClient telegram = TelegramClient.builder(token)
                .transport(Transport.jdk(Duration.ofSeconds(10), Duration.ofSeconds(30)))   // connect, read timeouts
                .build();
        // --- end ---
        return telegram;
    }
    // spotless:on

    @Test
    void longPollingAndTheWebhook_bothHandTheirUpdatesToTheHandler_andTheWebhookIsRegistered() throws Exception {
        try (MockWebServer api = new MockWebServer()) {
            api.setDispatcher(new LocalBotApi());
            api.start(InetAddress.getLoopbackAddress(), 0);
            TelegramClient telegram = TelegramClient.builder(TOKEN)
                    .baseUrl(api.url("/").toString())
                    .build();

            receive(telegram, 0);

            List<String> made = List.copyOf(calls);
            assertThat(made).anyMatch(c -> c.startsWith("getUpdates "));
            assertThat(made)
                    .filteredOn(c -> c.startsWith("setWebhook "))
                    .singleElement()
                    .satisfies(c -> assertThat(c).contains("\"url\":\"https://bot.example.com/telegram/webhook\""));
            telegram.close();
        }
    }

    @Test
    void theJdkTransportSnippet_buildsAClientOfThatToken() {
        TelegramClient telegram = jdkClient(TOKEN);
        assertThat(telegram.botId()).isEqualTo(Long.parseLong(TOKEN.substring(0, TOKEN.indexOf(':'))));
        assertThat(telegram.toString()).doesNotContain(TOKEN);
        telegram.close();
    }
}
