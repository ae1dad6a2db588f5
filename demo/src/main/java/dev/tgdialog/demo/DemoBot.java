package dev.tgdialog.demo;

import dev.tgdialog.DialogBot;
import dev.tgdialog.telegram.TelegramClient;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link OrderBot}: against Telegram with long polling when {@code BOT_TOKEN} is set (against the Bot API
 * server at {@code BOT_API_URL} when that is set too), otherwise offline in the {@link OfflineConsole}. Either way
 * its kitchen only logs the orders.
 */
public final class DemoBot {
    private static final Logger log = LoggerFactory.getLogger(DemoBot.class);

    private DemoBot() {}

    /** Starts the demo bot; see the class comment for the environment variables it reads. */
    public static void main(String[] args) throws Exception {
        // A real bot would send the order to its shop's system here.
        Kitchen kitchen = order -> log.info("To the kitchen: {} × {} pizza", order.quantity(), order.size());
        String token = System.getenv("BOT_TOKEN");
        if (token != null && !token.isBlank()) {
            // BOT_API_URL points the bot at another Bot API server, such as a local one (http://localhost:8081).
            String apiUrl = System.getenv("BOT_API_URL");
            TelegramClient.Builder client = TelegramClient.builder(token.strip());
            if (apiUrl != null && !apiUrl.isBlank()) {
                client.baseUrl(apiUrl.strip());
            }
            TelegramClient telegram = client.build();
            DialogBot bot = OrderBot.configure(DialogBot.builder(telegram), kitchen)
                    .username(DialogBot.usernameOf(telegram))
                    .build();
            bot.start();
            Runtime.getRuntime().addShutdownHook(new Thread(bot::stop));
            bot.terminated().join();
        } else {
            // The console is the chat: only warnings may interrupt it.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
            new OfflineConsole(System.in, out, System.console() == null, kitchen).run();
        }
    }
}
