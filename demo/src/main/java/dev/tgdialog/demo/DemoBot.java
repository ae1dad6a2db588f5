package dev.tgdialog.demo;

import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.types.Chat;
import dev.tgdialog.telegram.types.CallbackQuery;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.telegram.types.User;
import dev.tgdialog.updates.LongPolling;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import okhttp3.OkHttpClient;

/**
 * Runs the demo bot: against Telegram with long polling when {@code BOT_TOKEN} is set, otherwise offline in the
 * console, where you type messages and press button {@code n} by typing {@code #n}.
 */
public final class DemoBot {
    private static final long USER_ID = 1001;

    private DemoBot() {}

    public static void main(String[] args) throws Exception {
        String token = System.getenv("BOT_TOKEN");
        if (token != null && !token.isBlank()) {
            TelegramClient telegram = TelegramClient.create(token.strip());
            LongPolling polling = LongPolling.builder(telegram, new CounterBot(telegram)).build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(polling::stop));
            polling.terminated().join();
        } else {
            runOffline(System.in, System.out);
        }
    }

    /** The console mode: reads the user's lines from {@code in} and prints the chat to {@code out}. */
    static void runOffline(InputStream in, PrintStream out) throws IOException {
        OfflineTelegram offline = new OfflineTelegram(out, USER_ID);
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(offline).build();
        TelegramClient telegram = TelegramClient.builder("1:offline").okHttpClient(http).build();
        CounterBot bot = new CounterBot(telegram);
        User user = User.builder(USER_ID, false, "You").build();
        Chat chat = Chat.of(USER_ID, "private");
        out.println("tgdialog demo, offline. Type a message, /start or /help; #n presses button n; /quit ends.");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        long updateId = 1;
        int messageId = 10_000;
        String line;
        while ((line = reader.readLine()) != null) {
            line = line.strip();
            if (line.equals("/quit")) {
                break;
            }
            if (line.isEmpty()) {
                continue;
            }
            Update update;
            if (line.matches("#\\d+")) {
                String data = offline.callbackData(Integer.parseInt(line.substring(1)));
                if (data == null) {
                    out.println("  (there is no button " + line + ")");
                    continue;
                }
                Message shown = Message.builder(offline.lastMessageId(), 1767225600L, chat).build();
                update = Update.builder(updateId++)
                        .callbackQuery(CallbackQuery.builder("q" + updateId, user, "offline")
                                .message(shown)
                                .data(data)
                                .build())
                        .build();
            } else {
                update = Update.builder(updateId++)
                        .message(Message.builder(messageId++, 1767225600L, chat).from(user).text(line).build())
                        .build();
            }
            bot.handle(update).toCompletableFuture().join();
        }
        out.println("bye");
    }
}
