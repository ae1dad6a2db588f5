package dev.tgdialog.demo;

import dev.tgdialog.DialogBot;
import dev.tgdialog.emulator.Emulator;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.testing.FakeTime;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link OrderBot}: against Telegram with long polling when {@code BOT_TOKEN} is set (against the Bot API
 * server at {@code BOT_API_URL} when that is set too, signing referral links with {@code REFERRAL_SECRET}, and serving
 * the pizza builder Mini App on {@code MINIAPP_PORT} when that is set), otherwise offline: in the browser
 * {@link Emulator} (on {@code EMULATOR_PORT}, 8080 by default, or any free port when that one is taken) and in the
 * {@link OfflineConsole} at once, one bot and one user for both. Either way its kitchen only logs the orders. With
 * {@code METRICS=1} the offline bot's meters are served in Prometheus's text format at the emulator's
 * {@code /metrics}.
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
            if (DemoMetrics.asked(System.getenv("METRICS"))) {
                // The bot polls and serves no HTTP of its own; the emulator is where the demo serves /metrics.
                log.warn("METRICS is set, but with BOT_TOKEN the demo serves no HTTP: /metrics is the offline demo's");
            }
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
            DemoMetrics metrics = DemoMetrics.asked(System.getenv("METRICS")) ? new DemoMetrics() : null;
            try (Emulator emulator = startEmulator(kitchen, emulatorPort(), metrics)) {
                out.println("Open " + emulator.address() + " in a browser to chat with the bot there too: the same bot"
                        + " and user as in this console (and a friend and a group chat).");
                if (metrics != null) {
                    out.println("Its meters: " + emulator.address().resolve(DemoMetrics.PATH));
                }
                new OfflineConsole(System.in, out, System.console() == null, emulator.harness()).run();
            }
        }
    }

    static final int DEFAULT_EMULATOR_PORT = 8080;
    static final long FRIEND_ID = 1002;
    static final long GROUP_ID = -100_1001;

    /** {@code EMULATOR_PORT}, or 8080. */
    private static int emulatorPort() {
        String port = System.getenv("EMULATOR_PORT");
        return port == null || port.isBlank() ? DEFAULT_EMULATOR_PORT : Integer.parseInt(port.strip());
    }

    /**
     * The emulator running the demo bot for the console's user, a friend and a group chat of the two, on {@code port},
     * or on any free port when that one is taken (a second demo running).
     */
    static Emulator startEmulator(Kitchen kitchen, int port) throws IOException {
        return startEmulator(kitchen, port, null);
    }

    /** {@link #startEmulator(Kitchen, int)} with the bot's meters in {@code metrics}, served at its /metrics. */
    static Emulator startEmulator(Kitchen kitchen, int port, @Nullable DemoMetrics metrics) throws IOException {
        Emulator emulator = emulator(kitchen, port, metrics);
        try {
            emulator.start();
            return emulator;
        } catch (BindException taken) {
            emulator.close();
            log.warn("Port {} is taken; the emulator takes a free one", port);
            Emulator elsewhere = emulator(kitchen, Emulator.ANY_PORT, metrics);
            elsewhere.start();
            return elsewhere;
        }
    }

    private static Emulator emulator(Kitchen kitchen, int port, @Nullable DemoMetrics metrics) {
        Emulator.Builder emulator = Emulator.builder(bot -> {
                    OfflineConsole.configure(bot, kitchen);
                    if (metrics != null) {
                        bot.events(metrics.events());
                    }
                })
                .time(new FakeTime(Instant.now()))
                .user(OfflineConsole.USER_ID, OfflineConsole.USER_NAME)
                .user(FRIEND_ID, "Friend")
                .group(GROUP_ID, "Pizza party")
                .port(port);
        if (metrics != null) {
            emulator.get(DemoMetrics.PATH, DemoMetrics.CONTENT_TYPE, metrics::scrape);
        }
        return emulator.build();
    }
}
