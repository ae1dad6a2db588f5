// The README shows this file's snippet as it is: the formatter leaves it alone.
// spotless:off
package example.readme;

import static dev.tgdialog.test.TelegramJson.TOKEN;
import static dev.tgdialog.test.TelegramJson.error;
import static dev.tgdialog.test.TelegramJson.ok;
import static dev.tgdialog.test.TelegramJson.sentMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.TelegramException;
import dev.tgdialog.telegram.methods.SendMessage;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.Message;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** The client example of the README, compiled and run against a local server so it cannot rot. */
class ReadmeClientExampleTest {
    private final List<String> logged = new ArrayList<>();
    private final Log log = new Log();

    /** Stands in for the bot's SLF4J logger, keeping what the example logs. */
    private final class Log {
        void info(String line) {
            logged.add(line);
        }

        void warn(String format, Object... args) {
            logged.add(format + " " + List.of(args));
        }
    }

    private void example(String token, String baseUrl, long chatId) {
        TelegramClient telegram = TelegramClient.builder(token).baseUrl(baseUrl).build();
        // --- README: the client ---
        var button = InlineKeyboardButton.builder("Open the docs").url("https://core.telegram.org/bots/api").build();
        var send = SendMessage.builder(chatId, "Hello from tgdialog")
                .replyMarkup(new InlineKeyboardMarkup(List.of(List.of(button))))
                .build();
        try {
            Message sent = telegram.execute(send);          // or executeAsync(send) for a CompletableFuture
        } catch (TelegramException.Forbidden e) {           // 403: e.isBlockedByUser()
            log.info("the user blocked the bot");
        } catch (TelegramException e) {                     // errorCode(), description(), retryAfter(), migrateToChatId()
            log.warn("Telegram said {}: {}", e.errorCode(), e.description());
        }
        // --- end ---
    }
    // spotless:on

    @Test
    void theReadmeExample_sendsAMessageWithAButton_andHandlesErrors() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder()
                    .body(ok(sentMessage(42, 7, "Hello from tgdialog")))
                    .build());
            server.enqueue(new MockResponse.Builder()
                    .code(403)
                    .body(error(403, "Forbidden: bot was blocked by the user"))
                    .build());
            server.enqueue(new MockResponse.Builder()
                    .code(400)
                    .body(error(400, "Bad Request: chat not found"))
                    .build());
            server.start(InetAddress.getLoopbackAddress(), 0);

            example(TOKEN, server.url("/").toString(), 42);
            assertThat(logged).as("a message sent logs nothing").isEmpty();
            example(TOKEN, server.url("/").toString(), 42);
            example(TOKEN, server.url("/").toString(), 42);

            assertThat(server.takeRequest().getBody().utf8())
                    .contains("\"text\":\"Hello from tgdialog\"")
                    .contains("\"url\":\"https://core.telegram.org/bots/api\"");
        }
        assertThat(logged)
                .containsExactly("the user blocked the bot", "Telegram said {}: {} [400, Bad Request: chat not found]");
    }
}
