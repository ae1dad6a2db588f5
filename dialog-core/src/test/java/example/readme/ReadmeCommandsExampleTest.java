// The README shows this file's snippets as they are: the formatter leaves them alone.
// spotless:off
package example.readme;

import static dev.tgdialog.Transition.start;
import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.BotProfile;
import dev.tgdialog.Command;
import dev.tgdialog.Dialog;
import dev.tgdialog.DialogBot;
import dev.tgdialog.StartMode;
import dev.tgdialog.WindowId;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.types.BotCommand;
import dev.tgdialog.telegram.types.BotCommandScopeAllGroupChats;
import dev.tgdialog.telegram.types.BotCommandScopeAllPrivateChats;
import dev.tgdialog.telegram.types.BotCommandScopeDefault;
import dev.tgdialog.telegram.types.MenuButtonWebApp;
import dev.tgdialog.telegram.types.WebAppInfo;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's snippets of "Commands" and "Menu button and profile", compiled and published to the fake Telegram. */
class ReadmeCommandsExampleTest {
    enum Only implements WindowId { ONLY }

    static final Dialog ORDER = Dialog.builder("order").window(Only.ONLY, w -> w.text("Which size?")).build();
    static final Dialog MENU = Dialog.builder("menu").window(Only.ONLY, w -> w.text("Today: Margherita")).build();

    final FakeTelegram fake = new FakeTelegram();
    final TelegramClient telegram = fake.client(new FakeTime());

    DialogBot commands() {
        // --- README: commands ---
        DialogBot bot = DialogBot.builder(telegram)
                .command("order", "Order a pizza", (ctx, args) -> start(ORDER, StartMode.RESET_STACK))
                .command(Command.builder("menu")
                                .description("Today's menu")
                                .description("de", "Die Karte von heute")
                                .scopes(BotCommandScopeAllPrivateChats.of(), BotCommandScopeAllGroupChats.of())
                                .build(),
                        (ctx, args) -> start(MENU))
                .command("debug", (ctx, args) -> stay())        // routed, not listed
                .build();
        // --- end ---
        return bot;
    }

    DialogBot profile() {
        // --- README: menu button and profile ---
        DialogBot bot = DialogBot.builder(telegram)
                .profile(p -> p.name("Pizza Bot")
                        .name("de", "Pizzabot")
                        .description("Order a pizza in three taps.")          // in an empty chat with the bot
                        .description("de", "Pizza bestellen in drei Schritten.")
                        .shortDescription("Pizza, fast"))                     // on the profile page and with links
                .menuButton(MenuButtonWebApp.of("Order", new WebAppInfo("https://pizza.example/app")))
                .build();
        // --- end ---
        return bot;
    }
    // spotless:on

    @Test
    void theDeclaredCommands_areListedPerScopeAndLanguage_andDebugIsNot() {
        commands().publish();

        assertThat(fake.commands(BotCommandScopeDefault.of(), null))
                .containsExactly(new BotCommand("order", "Order a pizza"));
        assertThat(fake.commands(BotCommandScopeAllPrivateChats.of(), null))
                .contains(new BotCommand("menu", "Today's menu"))
                .noneMatch(c -> c.command().equals("debug"));
        assertThat(fake.commands(BotCommandScopeAllGroupChats.of(), "de"))
                .contains(new BotCommand("menu", "Die Karte von heute"));
    }

    @Test
    void theProfileAndTheMenuButton_arePublished() {
        profile().publish();

        assertThat(fake.profile())
                .isEqualTo(new BotProfile(
                        Map.of("", "Pizza Bot", "de", "Pizzabot"),
                        Map.of("", "Order a pizza in three taps.", "de", "Pizza bestellen in drei Schritten."),
                        Map.of("", "Pizza, fast")));
        assertThat(fake.menuButton(null))
                .contains(MenuButtonWebApp.of("Order", new WebAppInfo("https://pizza.example/app")));
    }
}
