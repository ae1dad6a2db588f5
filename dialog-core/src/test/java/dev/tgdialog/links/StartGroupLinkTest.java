package dev.tgdialog.links;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Dialog;
import dev.tgdialog.DialogBot;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.telegram.types.Chat;
import dev.tgdialog.telegram.types.ChatMemberAdministrator;
import dev.tgdialog.telegram.types.ChatMemberLeft;
import dev.tgdialog.telegram.types.ChatMemberMember;
import dev.tgdialog.telegram.types.ChatMemberUpdated;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.telegram.types.User;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeUser;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A {@code startgroup} link opened in the harness: the bot joins the group, then its dialog starts there. */
class StartGroupLinkTest {
    enum Step implements WindowId {
        QUIZ
    }

    static final long GROUP = -100_123;
    static final Key<String> TOPIC = Key.of("topic", String.class);
    static final DeepLink<String> QUIZ_LINK = DeepLink.of("quiz", PayloadCodec.string());

    static final Dialog QUIZ = Dialog.builder("quiz")
            .onStart(ctx -> stay().with(TOPIC, Objects.requireNonNull(ctx.input(String.class))))
            .window(Step.QUIZ, w -> w.format("A quiz on {topic}. Who starts?"))
            .build();

    /** The member changes the bot was told of, with the chat the engine routed each to. */
    record Seen(long chatId, ChatMemberUpdated change) {}

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final Consumer<DialogBot.Builder> quizBot = bot ->
            bot.dialogs(QUIZ).deepLink(QUIZ_LINK, (ctx, topic) -> Transition.start(QUIZ, topic, StartMode.RESET_STACK));
    final BotLink bot = BotLink.of(FakeTelegram.BOT_USERNAME);

    BotHarness watching() {
        return BotHarness.of(b -> quizBot.accept(b.onUpdate(ctx -> {
            ChatMemberUpdated change = ctx.update().myChatMember();
            if (change != null) {
                seen.add(new Seen(ctx.chatId(), change));
            }
            return stay();
        })));
    }

    @Test
    void startGroup_addsTheBotAsAMember_thenStartsTheDialogInTheGroup_notInPrivate() {
        BotHarness harness = watching();
        FakeUser ann = harness.user(1001, "Ann");

        ann.openLink(bot.startGroup(QUIZ_LINK.payload("rivers")), GROUP);

        assertThat(seen).hasSize(1);
        ChatMemberUpdated change = seen.get(0).change();
        assertThat(seen.get(0).chatId()).isEqualTo(GROUP);
        assertThat(change.from().id()).isEqualTo(1001);
        assertThat(change.oldChatMember().status()).isEqualTo("left");
        assertThat(change.newChatMember().status()).isEqualTo("member");
        assertThat(change.newChatMember().user().id()).isEqualTo(FakeTelegram.BOT_ID);
        FakeUser inGroup = ann.inGroup(GROUP);
        assertThat(inGroup.lastMessage().text()).isEqualTo("A quiz on rivers. Who starts?");
        assertThat(ann.messages()).isEmpty();
    }

    @Test
    void startGroup_askingForRights_addsTheBotAsAnAdministratorWithThoseRights() {
        BotHarness harness = watching();

        harness.user(1001, "Ann")
                .openLink(
                        bot.startGroup(QUIZ_LINK.payload("lakes"), AdminRight.DELETE_MESSAGES, AdminRight.PIN_MESSAGES),
                        GROUP);

        ChatMemberAdministrator admin =
                (ChatMemberAdministrator) seen.get(0).change().newChatMember();
        assertThat(admin.canDeleteMessages()).isTrue();
        assertThat(admin.canPinMessages()).isTrue();
        assertThat(admin.canManageChat()).isTrue();
        assertThat(admin.canRestrictMembers()).isFalse();
        assertThat(admin.canInviteUsers()).isFalse();
    }

    @Test
    void aSecondLinkInTheSameGroup_onlyStarts_theBotIsThereAlready() {
        BotHarness harness = watching();
        FakeUser ann = harness.user(1001, "Ann");

        ann.openLink(bot.startGroup(QUIZ_LINK.payload("rivers")), GROUP);
        ann.openLink(bot.startGroup(QUIZ_LINK.payload("lakes")), GROUP);

        assertThat(seen).hasSize(1);
        assertThat(ann.inGroup(GROUP).lastMessage().text()).isEqualTo("A quiz on lakes. Who starts?");
    }

    @Test
    void aBareStartGroupLink_onlyAddsTheBot() {
        BotHarness harness = watching();
        FakeUser ann = harness.user(1001, "Ann");

        ann.openLink(bot.startGroup(""), GROUP);

        assertThat(seen).hasSize(1);
        assertThat(ann.inGroup(GROUP).messages()).isEmpty();
        assertThat(harness.telegram().callCount("sendMessage")).isZero();
    }

    @Test
    void aBotWithoutOnUpdate_isNotSentTheMemberChange_andStillStartsInTheGroup() {
        BotHarness harness = BotHarness.of(quizBot);
        FakeUser ann = harness.user(1001, "Ann");

        assertThat(harness.bot().allowedUpdates()).doesNotContain("my_chat_member");
        ann.openLink(bot.startGroup(QUIZ_LINK.payload("rivers")), GROUP);

        assertThat(ann.inGroup(GROUP).messages())
                .extracting(m -> m.text())
                .containsExactly("A quiz on rivers. Who starts?");
    }

    @Test
    void aMemberChange_sentAnyway_toABotWithoutOnUpdate_isIgnored() {
        BotHarness harness = BotHarness.of(quizBot);
        FakeUser ann = harness.user(1001, "Ann");
        User me = harness.telegram().bot();
        ChatMemberUpdated change = ChatMemberUpdated.of(
                Chat.builder(GROUP, "supergroup").title("Quiz night").build(),
                User.of(1001, false, "Ann"),
                0,
                ChatMemberLeft.of(me),
                ChatMemberMember.of(me));

        ann.deliver(Update.builder(99).myChatMember(change).build(), true);

        assertThat(harness.telegram().calls()).noneMatch(c -> c.method().startsWith("send"));
        ann.openLink(bot.startGroup(QUIZ_LINK.payload("rivers")), GROUP);
        assertThat(ann.inGroup(GROUP).lastMessage().text()).isEqualTo("A quiz on rivers. Who starts?");
    }

    @Test
    void theHarnessPicksAGroup_onlyForStartGroupLinks_toTheBotUnderTest() {
        FakeUser ann = watching().user(1001, "Ann");

        assertThatThrownBy(() -> ann.openLink(bot.start("x"), GROUP)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ann.openLink(BotLink.of("OtherBot").startGroup("x"), GROUP))
                .hasMessage("the link opens @OtherBot, not the bot under test @tgdialog_test_bot");
        assertThatThrownBy(() -> ann.openLink(bot.startGroup("x"), 42)).hasMessage("group chat ids are negative");
    }
}
