package dev.tgdialog.spring.autoconfigure;

import dev.tgdialog.DialogBot;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.methods.SetWebhook;
import dev.tgdialog.updates.LongPolling;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts and stops the bot's intake with the application context: as it starts, the bot publishes its declarations
 * (commands, profile, menu button) once, then either polls for updates or, on a webhook, registers the webhook's
 * public URL with Telegram when one is set (the web server takes the calls). As the context stops, polling stops,
 * letting the updates in hand finish. It starts last and stops first, after the web server started and before the
 * bot's threads go. Thread-safe.
 */
final class BotUpdates implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(BotUpdates.class);

    private final DialogBot bot;
    private final TelegramClient telegram;
    private final TgdialogProperties.Webhook webhook;
    private boolean published;
    private boolean running;
    private @Nullable LongPolling polling;

    BotUpdates(DialogBot bot, TelegramClient telegram, TgdialogProperties.Webhook webhook) {
        this.bot = bot;
        this.telegram = telegram;
        this.webhook = webhook;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        if (!published) {
            bot.publish();
            published = true;
        }
        if (webhook.path() == null) {
            polling = LongPolling.builder(telegram, bot.handler())
                    .allowedUpdates(bot.allowedUpdates())
                    .build()
                    .start();
        } else {
            register();
        }
        running = true;
    }

    private void register() {
        String url = webhook.url();
        String secret = webhook.secret();
        if (url == null || secret == null) {
            log.info(
                    "Webhook served at {}; no tgdialog.webhook.url, so it is not registered with Telegram",
                    webhook.path());
            return;
        }
        telegram.execute(SetWebhook.builder(url)
                .secretToken(secret)
                .allowedUpdates(List.copyOf(bot.allowedUpdates()))
                .build());
        log.info("Webhook served at {} and registered with Telegram", webhook.path());
    }

    @Override
    public synchronized void stop() {
        LongPolling current = polling;
        if (current != null) {
            current.stop();
            polling = null;
        }
        running = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    /** Completes when long polling ends (exceptionally when Telegram ended it); for tests. */
    synchronized CompletableFuture<Void> terminated() {
        LongPolling current = polling;
        if (current == null) {
            throw new IllegalStateException("the bot is not polling");
        }
        return current.terminated();
    }
}
