package dev.tgdialog.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Command;
import dev.tgdialog.DialogBot;
import dev.tgdialog.Transition;
import dev.tgdialog.telegram.types.BotCommand;
import dev.tgdialog.telegram.types.BotCommandScopeAllGroupChats;
import dev.tgdialog.telegram.types.BotCommandScopeAllPrivateChats;
import dev.tgdialog.telegram.types.BotCommandScopeChat;
import dev.tgdialog.telegram.types.BotCommandScopeChatAdministrators;
import dev.tgdialog.telegram.types.BotCommandScopeChatMember;
import dev.tgdialog.telegram.types.BotCommandScopeDefault;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The opt-in {@code /help}: the command list Telegram shows this user in this chat, in their language. */
class HelpTest {
    private static final long GROUP = -1001234567890L;
    private static final long OTHER_GROUP = -1009876543210L;

    private static final Command HELP = Command.builder("help")
            .description("What I can do")
            .description("de", "Was ich kann")
            .scopes(BotCommandScopeDefault.of(), BotCommandScopeAllPrivateChats.of(), BotCommandScopeAllGroupChats.of())
            .build();

    private static void pizzaBot(DialogBot.Builder bot) {
        bot.help(HELP, "Commands you can use:", Map.of("de", "Das kannst du tun:"))
                .command(
                        Command.builder("order")
                                .description("Order a *pizza*")
                                .description("de", "Eine Pizza bestellen")
                                .scopes(BotCommandScopeAllPrivateChats.of())
                                .build(),
                        (ctx, args) -> Transition.stay())
                .command(
                        Command.builder("poll")
                                .description("Ask the group which pizza")
                                .description("de", "Die Gruppe fragen")
                                .scopes(BotCommandScopeAllGroupChats.of())
                                .build(),
                        (ctx, args) -> Transition.stay())
                .command(
                        Command.builder("stats")
                                .description("Orders of this group")
                                .scopes(
                                        BotCommandScopeChat.of(GROUP),
                                        BotCommandScopeChatAdministrators.of(OTHER_GROUP))
                                .build(),
                        (ctx, args) -> Transition.stay())
                .command(
                        Command.builder("vip")
                                .description("Your member discount")
                                .scopes(BotCommandScopeChatMember.of(GROUP, 7))
                                .build(),
                        (ctx, args) -> Transition.stay())
                .command("debug", (ctx, args) -> Transition.stay());
    }

    @Test
    void privateUser_getsThePrivateList_inPlainText() {
        FakeUser ann = BotHarness.of(HelpTest::pizzaBot).user(1, "Ann");

        ann.send("/help");

        FakeMessage help = ann.lastMessage();
        assertThat(help.text()).isEqualTo("""
                Commands you can use:
                /help — What I can do
                /order — Order a *pizza*""");
        assertThat(help.parseMode()).isNull();
    }

    @Test
    void germanUser_getsTheGermanDescriptions_andHeading_anEnglishOneTheDefault() {
        BotHarness harness = BotHarness.of(HelpTest::pizzaBot);
        FakeUser jonas = harness.user(2, "Jonas", "de-DE");
        FakeUser ann = harness.user(3, "Ann", "en").inGroup(OTHER_GROUP);

        jonas.send("/help");
        ann.send("/help");

        assertThat(jonas.lastMessage().text()).isEqualTo("""
                Das kannst du tun:
                /help — Was ich kann
                /order — Eine Pizza bestellen""");
        assertThat(ann.lastMessage().text())
                .as("administrator scopes are skipped: an update does not say who is one")
                .isEqualTo("""
                Commands you can use:
                /help — What I can do
                /poll — Ask the group which pizza""");
    }

    @Test
    void groupMember_getsTheGroupList_andAChatSpecificScopeWinsOverTheGeneralOnes() {
        BotHarness harness = BotHarness.of(HelpTest::pizzaBot);
        FakeUser bob = harness.user(5, "Bob", "de").inGroup(GROUP);
        FakeUser vip = harness.user(7, "Vera").inGroup(GROUP);

        bob.send("/help");
        assertThat(bob.lastMessage().text())
                .as("the chat's scope, not all groups; untranslated in the default wording")
                .isEqualTo("""
                Das kannst du tun:
                /stats — Orders of this group""");

        vip.send("/help");
        assertThat(vip.lastMessage().text())
                .as("the member's own scope comes first")
                .isEqualTo("""
                Commands you can use:
                /vip — Your member discount""");
    }

    @Test
    void helpAsTheOnlyCommand_listsItself_andIsPublished() {
        BotHarness harness = BotHarness.of(bot -> bot.help(Command.of("help", "What I can do"), "Commands:"));
        FakeUser ann = harness.user(1, "Ann");

        ann.send("/help");

        assertThat(ann.lastMessage().text()).isEqualTo("Commands:\n/help — What I can do");
        assertThat(harness.telegram().commands(BotCommandScopeDefault.of(), null))
                .containsExactly(new BotCommand("help", "What I can do"));
    }

    @Test
    void aHeadingForAnIllegalLanguageCode_isRefused_namingIt() {
        assertThatThrownBy(() -> BotHarness.of(
                        bot -> bot.help(Command.of("help", "What I can do"), "Commands:", Map.of("deu", "Befehle:"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("help /help: a language code is two letters a-z (ISO 639-1), was \"deu\"");
    }

    @Test
    void aLaterHandlerForTheName_replacesTheGeneratedHelp() {
        BotHarness harness = BotHarness.of(bot -> bot.help(Command.of("help", "What I can do"), "Commands:")
                .command("help", "Ask a human", (ctx, args) -> Transition.stay()));
        FakeUser ann = harness.user(1, "Ann");

        ann.send("/help");

        assertThat(ann.messages()).isEmpty();
        assertThat(harness.telegram().commands(BotCommandScopeDefault.of(), null))
                .containsExactly(new BotCommand("help", "Ask a human"));
    }
}
