// spotless:off
// --- README: pizza bot ---
// src/main/java/pizza/PizzaBot.java
package pizza;

import static dev.tgdialog.Transition.start;

import dev.tgdialog.DialogBot;
import dev.tgdialog.StartMode;
import dev.tgdialog.telegram.TelegramClient;

/** The bot: its dialogs and commands, on Telegram or (in the test) on a fake one. */
public final class PizzaBot {
    public static DialogBot.Builder setup(DialogBot.Builder bot) {
        return bot.dialogs(Order.ORDER)
                .command("start", (ctx, args) -> start(Order.ORDER, StartMode.RESET_STACK));
    }

    public static void main(String[] args) {
        TelegramClient telegram = TelegramClient.create(System.getenv("BOT_TOKEN"));
        DialogBot bot = setup(DialogBot.builder(telegram)).build().start();   // long polling (or a webhook)
        bot.terminated().join();   // the poller is a daemon thread: keep main until it ends
    }
}
// --- end ---
// spotless:on
