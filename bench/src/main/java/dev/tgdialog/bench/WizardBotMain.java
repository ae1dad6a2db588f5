package dev.tgdialog.bench;

import dev.tgdialog.DialogBot;
import dev.tgdialog.telegram.TelegramClient;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bench's wizard bot as a process of its own, long polling {@code BOT_API_URL} with {@code BOT_TOKEN}: what
 * {@link FootprintBench} starts to weigh the framework with no more than one dialog, as the Telegraf peer has.
 */
public final class WizardBotMain {
    private WizardBotMain() {}

    public static void main(String[] args) {
        TelegramClient telegram = TelegramClient.builder(System.getenv("BOT_TOKEN"))
                .baseUrl(System.getenv("BOT_API_URL"))
                .build();
        DialogBot bot = WizardBot.configure(DialogBot.builder(telegram), WizardBot.dialog(new ConcurrentHashMap<>()))
                .build();
        bot.start();
        bot.terminated().join();
    }
}
