package dev.tgdialog.engine;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.tgdialog.BotProfile;
import dev.tgdialog.DialogBot;
import dev.tgdialog.Transition;
import dev.tgdialog.telegram.types.MenuButtonCommands;
import dev.tgdialog.telegram.types.MenuButtonDefault;
import dev.tgdialog.telegram.types.MenuButtonWebApp;
import dev.tgdialog.telegram.types.WebAppInfo;
import dev.tgdialog.test.LogCapture;
import dev.tgdialog.testing.ApiCall;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeTime;
import dev.tgdialog.testing.RoundTripStore;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The bot's profile and default menu button: checked when the bot is built, published at start, idempotently. */
class ProfileTest {
    private static final MenuButtonWebApp ORDER_APP =
            MenuButtonWebApp.of("Order", new WebAppInfo("https://pizza.example/app"));

    private static void pizzaBot(DialogBot.Builder bot) {
        bot.profile(p -> p.name("Pizza Bot")
                        .name("de", "Pizzabot")
                        .description("Order a pizza in three taps.")
                        .description("de", "Pizza bestellen in drei Schritten.")
                        .shortDescription("Pizza, fast"))
                .menuButton(ORDER_APP)
                .command("start", "Start", (ctx, args) -> Transition.stay());
    }

    @Test
    void afterStart_telegramHoldsTheProfilePerLanguage_andTheMenuButton() {
        FakeTelegram telegram = BotHarness.of(ProfileTest::pizzaBot).telegram();

        assertThat(telegram.profile())
                .isEqualTo(new BotProfile(
                        Map.of("", "Pizza Bot", "de", "Pizzabot"),
                        Map.of("", "Order a pizza in three taps.", "de", "Pizza bestellen in drei Schritten."),
                        Map.of("", "Pizza, fast")));
        assertThat(telegram.menuButton(null)).contains(ORDER_APP);
        assertThat(telegram.menuButton(42L)).as("no chat's own button is set").isEmpty();
    }

    @Test
    void secondStart_withTheSameDeclarations_readsButWritesNothing() {
        RoundTripStore store = new RoundTripStore();
        BotHarness harness =
                BotHarness.builder(ProfileTest::pizzaBot).store(store).build();
        FakeTelegram telegram = harness.telegram();
        int calls = telegram.calls().size();

        restart(telegram, store, ProfileTest::pizzaBot);

        assertThat(telegram.calls().subList(calls, telegram.calls().size()))
                .extracting(ApiCall::method)
                .containsExactly(
                        "getMyCommands",
                        "getMyName",
                        "getMyName",
                        "getMyDescription",
                        "getMyDescription",
                        "getMyShortDescription",
                        "getChatMenuButton");
    }

    @Test
    void aChangedText_isWritten_aTextNoLongerDeclaredIsRemoved_andTheNextStartWritesNothing() {
        RoundTripStore store = new RoundTripStore();
        BotHarness harness =
                BotHarness.builder(ProfileTest::pizzaBot).store(store).build();
        FakeTelegram telegram = harness.telegram();
        Consumer<DialogBot.Builder> changed =
                bot -> bot.profile(p -> p.name("Pizza Bot").name("de", "Pizza-Bot"))
                        .menuButton(MenuButtonCommands.of())
                        .command("start", "Start", (ctx, args) -> Transition.stay());
        int calls = telegram.calls().size();

        restart(telegram, store, changed);

        assertThat(telegram.calls().subList(calls, telegram.calls().size()))
                .extracting(call -> call.method() + " " + call.params())
                .containsExactly(
                        "getMyCommands {\"scope\":{\"type\":\"default\"}}",
                        "getMyName {}",
                        "getMyName {\"language_code\":\"de\"}",
                        "setMyName {\"name\":\"Pizza-Bot\",\"language_code\":\"de\"}",
                        "setMyDescription {\"description\":\"\"}",
                        "setMyDescription {\"description\":\"\",\"language_code\":\"de\"}",
                        "setMyShortDescription {\"short_description\":\"\"}",
                        "getChatMenuButton {}",
                        "setChatMenuButton {\"menu_button\":{\"type\":\"commands\"}}");
        assertThat(telegram.profile())
                .isEqualTo(new BotProfile(Map.of("", "Pizza Bot", "de", "Pizza-Bot"), Map.of(), Map.of()));
        assertThat(telegram.menuButton(null)).contains(MenuButtonCommands.of());

        calls = telegram.calls().size();
        restart(telegram, store, changed);

        assertThat(telegram.calls().subList(calls, telegram.calls().size()))
                .extracting(ApiCall::method)
                .containsExactly("getMyCommands", "getMyName", "getMyName", "getChatMenuButton");
    }

    @Test
    void aMenuButtonNoLongerDeclared_isResetToTheDefault_once() {
        RoundTripStore store = new RoundTripStore();
        BotHarness harness =
                BotHarness.builder(ProfileTest::pizzaBot).store(store).build();
        FakeTelegram telegram = harness.telegram();
        Consumer<DialogBot.Builder> withoutButton = bot -> bot.command("start", "Start", (ctx, args) -> stay());

        restart(telegram, store, withoutButton);

        assertThat(telegram.menuButton(null)).contains(MenuButtonDefault.of());
        assertThat(telegram.callCount("setChatMenuButton"))
                .as("set, then reset")
                .isEqualTo(2);

        restart(telegram, store, withoutButton);

        assertThat(telegram.callCount("setChatMenuButton")).isEqualTo(2);
    }

    @Test
    void aChatsOwnMenuButton_isPublishedForThatChat_writtenOnce_andResetWhenNoLongerDeclared() {
        RoundTripStore store = new RoundTripStore();
        FakeTelegram telegram = new FakeTelegram();
        Consumer<DialogBot.Builder> withVip = bot -> bot.menuButton(42, ORDER_APP);

        restart(telegram, store, withVip);

        assertThat(telegram.menuButton(42L)).contains(ORDER_APP);
        assertThat(telegram.menuButton(43L)).as("another chat's").isEmpty();
        assertThat(telegram.menuButton(null)).as("the default, never declared").isEmpty();
        assertThat(telegram.callCount("setChatMenuButton")).isEqualTo(1);

        restart(telegram, store, withVip);
        assertThat(telegram.callCount("setChatMenuButton"))
                .as("nothing changed")
                .isEqualTo(1);

        int calls = telegram.calls().size();
        restart(telegram, store, bot -> {});

        assertThat(telegram.calls().subList(calls, telegram.calls().size()))
                .extracting(call -> call.method() + " " + call.params())
                .containsExactly("setChatMenuButton {\"chat_id\":42,\"menu_button\":{\"type\":\"default\"}}");
        assertThat(telegram.menuButton(42L)).contains(MenuButtonDefault.of());
        assertThat(store.loadBotRecord(FakeTelegram.BOT_ID, "published-menu-button"))
                .contains("");
    }

    @Test
    void aChatsOwnMenuButton_isForAPrivateChat() {
        assertThatThrownBy(() -> DialogBot.builder(new FakeTelegram().client(new FakeTime()))
                        .menuButton(-100123, ORDER_APP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("for a private chat")
                .hasMessageContaining("-100123");
    }

    @Test
    void aFailedWrite_isOneWarn_theRestIsPublished_andTheBotRuns() {
        FakeTelegram telegram = new FakeTelegram();
        telegram.failNext("setMyDescription", 400, "Bad Request: something went wrong");
        try (LogCapture logs = new LogCapture()) {
            restart(telegram, new RoundTripStore(), ProfileTest::pizzaBot);

            assertThat(logs.at(Level.WARN))
                    .singleElement()
                    .asString()
                    .contains("Could not publish the bot's description:")
                    .contains("something went wrong");
        }
        assertThat(telegram.profile().descriptions())
                .as("the default description failed; the German one was still written")
                .isEqualTo(Map.of("de", "Pizza bestellen in drei Schritten."));
        assertThat(telegram.profile().names()).hasSize(2);
        assertThat(telegram.menuButton(null)).contains(ORDER_APP);
    }

    @Test
    void publishOff_makesNoCall() {
        BotHarness harness = BotHarness.of(bot -> pizzaBot(bot.publish(false)));

        assertThat(harness.telegram().calls()).isEmpty();
        assertThat(harness.telegram().menuButton(null)).isEmpty();
    }

    @Test
    void aTextOverTheLimit_failsTheBuild_namingTheFieldAndLanguage() {
        assertThatThrownBy(() -> build(bot -> bot.profile(p -> p.name("de", "x".repeat(65)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bot profile: the name (de) is 0-64 characters, was 65");
        assertThatThrownBy(() -> build(bot -> bot.profile(p -> p.description("x".repeat(513)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bot profile: the description is 0-512 characters, was 513");
        assertThatThrownBy(() -> build(bot -> bot.profile(p -> p.shortDescription("fr", "x".repeat(121)))))
                .hasMessage("bot profile: the short description (fr) is 0-120 characters, was 121");
        assertThatThrownBy(() -> build(bot -> bot.profile(p -> p.name("deu", "Pizzabot"))))
                .hasMessage("bot profile: the name has a language code that is not two letters a-z (ISO 639-1):"
                        + " \"deu\"");

        build(bot -> bot.profile(
                p -> p.name("x".repeat(64)).description("x".repeat(512)).shortDescription("de", "x".repeat(120))));
    }

    @Test
    void aWebAppMenuButtonWithoutText_failsTheBuild() {
        assertThatThrownBy(() -> build(
                        bot -> bot.menuButton(MenuButtonWebApp.of("", new WebAppInfo("https://pizza.example/app")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("menu button: a web app button needs a text and a URL");
    }

    /** A new bot on {@code telegram} and {@code store}, published as a restarted process would be. */
    private static void restart(FakeTelegram telegram, RoundTripStore store, Consumer<DialogBot.Builder> config) {
        DialogBot.Builder bot =
                DialogBot.builder(telegram.client(new FakeTime())).store(store).executor(Runnable::run);
        config.accept(bot);
        bot.build().publish();
    }

    private static void build(Consumer<DialogBot.Builder> config) {
        DialogBot.Builder bot =
                DialogBot.builder(new FakeTelegram().client(new FakeTime())).executor(Runnable::run);
        config.accept(bot);
        bot.build().stop();
    }
}
