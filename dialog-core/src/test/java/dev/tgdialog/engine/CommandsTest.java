package dev.tgdialog.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.google.gson.JsonParser;
import dev.tgdialog.Command;
import dev.tgdialog.DialogBot;
import dev.tgdialog.Transition;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.telegram.types.BotCommand;
import dev.tgdialog.telegram.types.BotCommandScopeAllChatAdministrators;
import dev.tgdialog.telegram.types.BotCommandScopeAllGroupChats;
import dev.tgdialog.telegram.types.BotCommandScopeAllPrivateChats;
import dev.tgdialog.telegram.types.BotCommandScopeChat;
import dev.tgdialog.telegram.types.BotCommandScopeChatAdministrators;
import dev.tgdialog.telegram.types.BotCommandScopeChatMember;
import dev.tgdialog.telegram.types.BotCommandScopeDefault;
import dev.tgdialog.test.LogCapture;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeTime;
import dev.tgdialog.testing.RoundTripStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Declared commands: checked when the bot is built, published per scope and language at start, idempotently. */
class CommandsTest {
    private static final long GROUP = -1001234567890L;

    /** The bot of the golden file: every kind of scope, two languages, and one command that is routed only. */
    private static void pizzaBot(DialogBot.Builder bot) {
        bot.command(
                        Command.builder("order")
                                .description("Order a pizza")
                                .description("de", "Eine Pizza bestellen")
                                .scopes(BotCommandScopeDefault.of(), BotCommandScopeAllPrivateChats.of())
                                .build(),
                        (ctx, args) -> Transition.stay())
                .command("help", "What this bot can do", (ctx, args) -> Transition.stay())
                .command(
                        Command.builder("menu")
                                .description("Today's menu")
                                .descriptions(Map.of("de", "Die Karte von heute", "fr", "Le menu du jour"))
                                .scopes(BotCommandScopeAllPrivateChats.of(), BotCommandScopeAllGroupChats.of())
                                .build(),
                        (ctx, args) -> Transition.stay())
                .command(
                        Command.builder("stats")
                                .description("Orders of the day")
                                .scopes(
                                        BotCommandScopeAllChatAdministrators.of(),
                                        BotCommandScopeChat.of(GROUP),
                                        BotCommandScopeChatAdministrators.of(GROUP),
                                        BotCommandScopeChatMember.of(GROUP, 42))
                                .build(),
                        (ctx, args) -> Transition.stay())
                .command("debug", (ctx, args) -> Transition.stay());
    }

    @Test
    void afterStart_telegramHoldsTheDeclaredLists_perScopeAndLanguage_asTheGoldenFile() {
        BotHarness harness = BotHarness.of(CommandsTest::pizzaBot);

        assertThat(JsonParser.parseString(harness.telegram().commandsJson()))
                .isEqualTo(JsonParser.parseString(golden("commands.json")));
        assertThat(harness.telegram().commands(BotCommandScopeAllPrivateChats.of(), "de"))
                .as("a language list holds every command of the scope, untranslated ones in the default wording")
                .containsExactly(
                        new BotCommand("order", "Eine Pizza bestellen"), new BotCommand("menu", "Die Karte von heute"));
    }

    @Test
    void secondStart_withTheSameDeclarations_readsButWritesNothing() {
        StackStore store = new RoundTripStore();
        BotHarness harness =
                BotHarness.builder(CommandsTest::pizzaBot).store(store).build();
        FakeTelegram telegram = harness.telegram();
        int lists = telegram.callCount("setMyCommands");
        String held = telegram.commandsJson();

        restart(harness, store, CommandsTest::pizzaBot);

        assertThat(lists).isEqualTo(12);
        assertThat(telegram.callCount("setMyCommands")).isEqualTo(lists);
        assertThat(telegram.callCount("deleteMyCommands")).isZero();
        assertThat(telegram.callCount("getMyCommands")).isEqualTo(2 * lists);
        assertThat(telegram.commandsJson()).isEqualTo(held);
    }

    @Test
    void aListNoLongerDeclared_isDeletedOnTheNextStart_andTheOneAfterChangesNothing() {
        StackStore store = StackStore.inMemory(Duration.ofDays(1));
        BotHarness harness =
                BotHarness.builder(CommandsTest::pizzaBot).store(store).build();
        FakeTelegram telegram = harness.telegram();
        Consumer<DialogBot.Builder> smaller =
                bot -> bot.command("order", "Order a pizza", (ctx, args) -> Transition.stay())
                        .command("help", "Help", (ctx, args) -> Transition.stay());

        restart(harness, store, smaller);

        assertThat(JsonParser.parseString(telegram.commandsJson())).isEqualTo(JsonParser.parseString("""
                        [{"scope": {"type": "default"},
                          "commands": [{"command": "order", "description": "Order a pizza"},
                                       {"command": "help", "description": "Help"}]}]
                        """));
        assertThat(telegram.callCount("deleteMyCommands")).isEqualTo(11);

        int calls = telegram.calls().size();
        restart(harness, store, smaller);
        assertThat(telegram.calls().subList(calls, telegram.calls().size()))
                .extracting(call -> call.method())
                .containsExactly("getMyCommands");
    }

    @Test
    void publishOff_makesNoCall() {
        BotHarness harness = BotHarness.of(bot -> pizzaBot(bot.publish(false)));

        assertThat(harness.telegram().calls()).isEmpty();
    }

    @Test
    void aBotWithoutDeclaredCommands_makesNoCallAtStart() {
        BotHarness harness = BotHarness.of(bot -> bot.command("start", (ctx, args) -> Transition.stay()));

        assertThat(harness.telegram().calls()).isEmpty();
    }

    @Test
    void aFailedWrite_isLoggedAtWarn_theBotRuns_andTheNextStartWritesIt() {
        StackStore store = new RoundTripStore();
        FakeTelegram telegram;
        BotHarness harness;
        try (LogCapture logs = new LogCapture()) {
            harness = BotHarness.builder(bot -> {}).store(store).build();
            telegram = harness.telegram();
            telegram.failNext("setMyCommands", 400, "Bad Request: something went wrong");
            restart(harness, store, bot -> bot.command("order", "Order a pizza", (ctx, args) -> Transition.stay()));

            assertThat(logs.at(Level.WARN))
                    .singleElement()
                    .asString()
                    .contains("Could not publish the commands of scope {\"type\":\"default\"}")
                    .contains("something went wrong");
        }
        assertThat(telegram.commands(BotCommandScopeDefault.of(), null)).isEmpty();

        restart(harness, store, bot -> bot.command("order", "Order a pizza", (ctx, args) -> Transition.stay()));

        assertThat(telegram.commands(BotCommandScopeDefault.of(), null))
                .containsExactly(new BotCommand("order", "Order a pizza"));
    }

    @Test
    void anIllegalName_failsTheBuild_namingIt() {
        assertThatThrownBy(() -> builder()
                        .command("Order-Now", "Order a pizza", (ctx, args) -> Transition.stay())
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"Order-Now\"")
                .hasMessageContaining("1-32 of a-z 0-9 _");
    }

    @Test
    void aDescriptionOf300Characters_failsTheBuild_namingTheCommandAndLanguage() {
        assertThatThrownBy(() -> builder()
                        .command("order", "x".repeat(300), (ctx, args) -> Transition.stay())
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("command /order: a description is 1-256 characters, was 300");
        assertThatThrownBy(() -> Command.builder("order")
                        .description("Order a pizza")
                        .description("de", "")
                        .build())
                .hasMessage("command /order: a description (de) is 1-256 characters, was 0");
        assertThatThrownBy(() -> Command.builder("order")
                        .description("Order")
                        .description("deu", "Bestellen")
                        .build())
                .hasMessageContaining("command /order: a language code is two letters");
    }

    @Test
    void a101stCommandInOneScope_failsTheBuild_namingIt_while100InEachOfTwoScopesPass() {
        DialogBot.Builder full = builder();
        for (int i = 0; i < 100; i++) {
            full.command("c" + i, "Command " + i, (ctx, args) -> Transition.stay());
            full.command(
                    Command.builder("p" + i)
                            .description("Private " + i)
                            .scopes(BotCommandScopeAllPrivateChats.of())
                            .build(),
                    (ctx, args) -> Transition.stay());
        }
        full.build().stop();

        full.command("c100", "One too many", (ctx, args) -> Transition.stay());

        assertThatThrownBy(full::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("command /c100 is one too many in scope {\"type\":\"default\"}: a scope lists at most 100 "
                        + "commands per language");
    }

    @Test
    void aCommandWithoutDescription_isRoutedButNotPublished_andReplacesADeclarationOfItsName() {
        BotHarness harness =
                BotHarness.of(bot -> bot.command("order", "Order a pizza", (ctx, args) -> Transition.stay())
                        .command("order", (ctx, args) -> Transition.stay())
                        .command("help", "Help", (ctx, args) -> Transition.stay()));

        assertThat(harness.telegram().commands(BotCommandScopeDefault.of(), null))
                .containsExactly(new BotCommand("help", "Help"));
    }

    /** A new bot on the harness's fake Telegram and {@code store}, started as a restarted process would be. */
    private static void restart(BotHarness harness, StackStore store, Consumer<DialogBot.Builder> config) {
        DialogBot.Builder bot = DialogBot.builder(harness.telegram().client(harness.time()))
                .store(store)
                .executor(Runnable::run);
        config.accept(bot);
        bot.build().publish();
    }

    private static DialogBot.Builder builder() {
        return DialogBot.builder(new FakeTelegram().client(new FakeTime())).executor(Runnable::run);
    }

    private static String golden(String name) {
        try (InputStream in = CommandsTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new AssertionError("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
