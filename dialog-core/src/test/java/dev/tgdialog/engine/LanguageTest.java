package dev.tgdialog.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Command;
import dev.tgdialog.Dialog;
import dev.tgdialog.DialogBot;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.i18n.TextBundle;
import dev.tgdialog.kit.Button;
import dev.tgdialog.telegram.types.BotCommand;
import dev.tgdialog.telegram.types.BotCommandScopeDefault;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.RoundTripStore;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The user's language: their app's until they pick one in the bot, then the picked one, kept per user beside the
 * stacks, for every dialog, chat, command list, {@code /help} and background push.
 */
class LanguageTest {
    private static final long GROUP = -1001234567890L;

    enum Step implements WindowId {
        MENU
    }

    enum Setting implements WindowId {
        LANGUAGE
    }

    enum Push implements WindowId {
        READY
    }

    static final TextBundle TEXTS = TextBundle.of("i18n.front").translatedTo("de");

    static final Dialog SETTINGS = Dialog.builder("settings")
            .window(
                    Setting.LANGUAGE,
                    w -> w.text(ctx -> TEXTS.format(ctx, "settings.text"))
                            .add(Button.of("de", "Deutsch", ctx -> {
                                ctx.pickLanguage(Locale.GERMAN);
                                return Transition.done();
                            }))
                            .add(Button.of("app", "App", ctx -> {
                                ctx.pickLanguage(null);
                                return Transition.done();
                            })))
            .build();

    static final Dialog ORDER = Dialog.builder("order")
            .window(
                    Step.MENU,
                    w -> w.text(ctx -> TEXTS.format(ctx, "order.text"))
                            .add(Button.of(
                                    "settings",
                                    ctx -> TEXTS.format(ctx, "order.settings"),
                                    ctx -> Transition.start(SETTINGS))))
            .build();

    static final Dialog READY = Dialog.builder("ready")
            .window(Push.READY, w -> w.text(ctx -> TEXTS.format(ctx, "push.ready", 1234)))
            .build();

    static void pizzaBot(DialogBot.Builder bot) {
        bot.dialogs(ORDER, READY)
                .command(
                        Command.builder("order")
                                .description(TEXTS, "command.order")
                                .build(),
                        (ctx, args) -> Transition.start(ORDER, StartMode.RESET_STACK))
                .settings(
                        Command.builder("settings")
                                .description(TEXTS, "command.settings")
                                .build(),
                        SETTINGS)
                .help(
                        Command.builder("help")
                                .description(TEXTS, "command.help")
                                .build(),
                        TEXTS.format(Locale.ENGLISH, "help.heading"),
                        TEXTS.translations("help.heading"));
    }

    final RoundTripStore store = new RoundTripStore();
    final BotHarness harness =
            BotHarness.builder(LanguageTest::pizzaBot).store(store).build();

    @Test
    void aGermanUser_getsHelpTheCommandListAndABackgroundPushInGerman() {
        FakeUser hans = harness.user(7, "Hans", "de");

        hans.send("/order");
        assertThat(hans.lastMessage().text()).isEqualTo("Welche Pizza möchtest du?");
        assertThat(hans.buttons()).containsExactly("Einstellungen");

        hans.send("/help");
        // The help is its own message; the open window shows again below it.
        assertThat(hans.messages().get(hans.messages().size() - 2).text()).isEqualTo("""
                Das kannst du tun:
                /order — Eine Pizza bestellen
                /settings — Sprache und Einstellungen
                /help — Was ich kann""");

        assertThat(harness.telegram().commands(BotCommandScopeDefault.of(), "de"))
                .extracting(BotCommand::description)
                .containsExactly("Eine Pizza bestellen", "Sprache und Einstellungen", "Was ich kann");
        assertThat(harness.telegram().commands(BotCommandScopeDefault.of(), null))
                .extracting(BotCommand::description)
                .containsExactly("Order a pizza", "Language and settings", "What I can do");

        // A push comes with no user: the language of Hans's app, as last seen, is kept for it.
        harness.bot().forUser(7, 7).start(READY).join();
        assertThat(hans.lastMessage().text()).isEqualTo("Bestellung 1.234 ist fertig!");
        assertThat(store.loadUserRecord(FakeTelegram.BOT_ID, 7, "language")).contains("- de");
    }

    @Test
    void aPickedLanguage_beatsTheAppsLanguage_inEveryDialogChatAndPush_untilUnpicked() {
        FakeUser ann = harness.user(1, "Ann", "en");
        ann.send("/order");
        assertThat(ann.lastMessage().text()).isEqualTo("Which pizza would you like?");

        ann.click("Settings");
        assertThat(ann.lastMessage().text()).isEqualTo("Pick your language");
        ann.click("Deutsch");

        // The settings return to the order, redrawn in the language just picked.
        assertThat(ann.lastMessage().text()).isEqualTo("Welche Pizza möchtest du?");
        assertThat(ann.buttons()).containsExactly("Einstellungen");
        assertThat(store.loadUserRecord(FakeTelegram.BOT_ID, 1, "language")).contains("de en");

        ann.send("/order");
        assertThat(ann.lastMessage().text()).as("a new dialog").isEqualTo("Welche Pizza möchtest du?");
        FakeUser annInGroup = ann.inGroup(GROUP);
        annInGroup.send("/order");
        assertThat(annInGroup.lastMessage().text()).as("another chat").isEqualTo("Welche Pizza möchtest du?");
        harness.bot().forUser(1, 1).start(READY).join();
        assertThat(ann.lastMessage().text()).as("a push").isEqualTo("Bestellung 1.234 ist fertig!");

        ann.send("/settings");
        ann.click("App");
        assertThat(ann.lastMessage().text()).as("the push, below the settings").isEqualTo("Order 1,234 is ready!");
        assertThat(store.loadUserRecord(FakeTelegram.BOT_ID, 1, "language")).contains("- en");
    }

    @Test
    void settings_openOverWhateverIsOpen_once_andAloneWhenNothingIs() {
        FakeUser ann = harness.user(1, "Ann", "en");

        ann.send("/settings");
        assertThat(ann.lastMessage().text()).as("alone").isEqualTo("Pick your language");

        ann.send("/order");
        ann.send("/settings");
        ann.send("/settings");
        assertThat(ann.lastMessage().text()).isEqualTo("Pick your language");
        ann.click("App");
        assertThat(ann.lastMessage().text())
                .as("one copy of the settings was open: closing it shows the order")
                .isEqualTo("Which pizza would you like?");
    }

    @Test
    void forgettingAUser_forgetsTheLanguageTheyPicked() {
        FakeUser ann = harness.user(1, "Ann", "en");
        ann.send("/settings");
        ann.click("Deutsch");
        assertThat(store.loadUserRecord(FakeTelegram.BOT_ID, 1, "language")).isPresent();

        harness.bot().forgetUser(1).join();

        assertThat(store.loadUserRecord(FakeTelegram.BOT_ID, 1, "language")).isEmpty();
        ann.send("/order");
        assertThat(ann.lastMessage().text()).isEqualTo("Which pizza would you like?");
    }

    @Test
    void aBundleDescribesACommand_inEachLanguageItIsTranslatedTo_andChecksTheKey() {
        Command order =
                Command.builder("order").description(TEXTS, "command.order").build();

        assertThat(order.description()).isEqualTo("Order a pizza");
        assertThat(order.translations()).isEqualTo(java.util.Map.of("de", "Eine Pizza bestellen"));
        assertThat(TEXTS.languages()).isEqualTo(List.of(Locale.ENGLISH, Locale.GERMAN));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Command.builder("order").description(TEXTS, "command.nothing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bundle i18n.front (en) has no key \"command.nothing\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TextBundle.of("i18n.front").translatedTo("fr"))
                .isInstanceOf(java.util.MissingResourceException.class)
                .hasMessageContaining("no translation to fr");
    }
}
