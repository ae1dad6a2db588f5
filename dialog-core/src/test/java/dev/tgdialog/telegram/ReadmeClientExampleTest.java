package dev.tgdialog.telegram;

import static dev.tgdialog.test.TelegramJson.TOKEN;
import static dev.tgdialog.test.TelegramJson.error;
import static dev.tgdialog.test.TelegramJson.ok;
import static dev.tgdialog.test.TelegramJson.sentMessage;
import static org.assertj.core.api.Assertions.assertThat;

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
    private final List<String> printed = new ArrayList<>();

    /** The README's example, word for word but for the base URL and {@code println}. */
    private void example(String token, String baseUrl, long chatId) {
        TelegramClient telegram = TelegramClient.builder(token).baseUrl(baseUrl).build();
        var button = InlineKeyboardButton.builder("Open the docs")
                .url("https://core.telegram.org/bots/api")
                .build();
        var send = SendMessage.builder(chatId, "Hello from tgdialog")
                .replyMarkup(new InlineKeyboardMarkup(List.of(List.of(button))))
                .build();
        try {
            Message sent = telegram.execute(send);
            println("sent message " + sent.messageId());
        } catch (TelegramException.Forbidden e) {
            println("the user blocked the bot: " + e.description());
        } catch (TelegramException e) {
            println("Telegram said " + e.errorCode() + ": " + e.description());
        }
    }

    private void println(String line) {
        printed.add(line);
    }

    @Test
    void theReadmeExample_sendsAMessageWithAButton_andHandlesAnError() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder()
                    .body(ok(sentMessage(42, 7, "Hello from tgdialog")))
                    .build());
            server.enqueue(new MockResponse.Builder()
                    .code(403)
                    .body(error(403, "Forbidden: bot was blocked by the user"))
                    .build());
            server.start(InetAddress.getLoopbackAddress(), 0);

            example(TOKEN, server.url("/").toString(), 42);
            example(TOKEN, server.url("/").toString(), 42);

            assertThat(server.takeRequest().getBody().utf8())
                    .contains("\"url\":\"https://core.telegram.org/bots/api\"");
        }
        assertThat(printed)
                .containsExactly("sent message 7", "the user blocked the bot: Forbidden: bot was blocked by the user");
    }
}
