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
 * server at {@code BOT_API_URL} when that is set too, signing referral links with {@code REFERRAL_SECRET}, and serving
 * the pizza builder Mini App on {@code MINIAPP_PORT} when that is set), otherwise
 * offline in the {@link OfflineConsole}. Either way its kitchen only logs the orders.
 */
public final class DemoBot {
    private static final Logger log = LoggerFactory.getLogger(DemoBot.class);

    private DemoBot() {}

    /**
     * Referrals signed with {@code REFERRAL_SECRET} when it is set (so links outlive a restart), otherwise with a
     * secret of this run.
     */
    private static Referrals referrals(String username) {
        String secret = System.getenv("REFERRAL_SECRET");
        if (secret == null || secret.isBlank()) {
            log.info("REFERRAL_SECRET is not set: referral links work until the bot restarts");
            return new Referrals(username, Referrals.newSecret());
        }
        return new Referrals(username, secret.strip().getBytes(StandardCharsets.UTF_8));
    }

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
            String username = DialogBot.usernameOf(telegram);
            DialogBot bot = OrderBot.configure(DialogBot.builder(telegram), kitchen, referrals(username))
                    .username(username)
                    .build();
            bot.start();
            Runtime.getRuntime().addShutdownHook(new Thread(bot::stop));
            // MINIAPP_PORT serves the pizza builder's page and backend (put it behind HTTPS at MINIAPP_URL).
            String miniAppPort = System.getenv("MINIAPP_PORT");
            if (miniAppPort != null && !miniAppPort.isBlank()) {
                dev.tgdialog.webapp.MiniAppServer backend = Builder.backend(
                                dev.tgdialog.auth.InitDataValidator.forToken(token.strip()),
                                new java.net.InetSocketAddress(Integer.parseInt(miniAppPort.strip())))
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(backend::close));
            }
            bot.terminated().join();
        } else {
            // The console is the chat: only warnings may interrupt it.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
            new OfflineConsole(System.in, out, System.console() == null, kitchen).run();
        }
    }
}
