package dev.tgdialog.engine;

import static dev.tgdialog.engine.WizardDialogs.WIZARD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.telegram.types.Chat;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.telegram.types.User;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code ctx.send}: a plain message of a handler's own, sent after the handler returns and before the window, through
 * the chat's queue like every other call, and only when the handler succeeds.
 */
class SendTest {
    private final BotHarness harness = BotHarness.of(bot -> bot.dialogs(WIZARD)
            .command("news", (ctx, args) -> {
                ctx.send("Fresh news");
                ctx.send("x".repeat(5000));
                return Transition.start(WIZARD, StartMode.RESET_STACK);
            })
            .command("broken", (ctx, args) -> {
                ctx.send("half a sentence");
                throw new IllegalStateException("the handler broke");
            })
            .command("quiet", (ctx, args) -> {
                ctx.send("Nothing else to show");
                return Transition.stay().show(dev.tgdialog.ShowMode.NO_UPDATE);
            })
            .onError(IllegalStateException.class, (ctx, e) -> ctx.send("Sorry, that went wrong"))
            .onUpdate(ctx -> {
                ctx.send("You edited a message");
                return Transition.stay();
            }));
    private final FakeUser ann = harness.user(1001, "Ann");

    @Test
    void theMessagesGoOutInOrder_beforeTheWindow_cutToTelegramsLimit() {
        ann.send("/news");

        assertThat(ann.messages()).extracting(FakeMessage::text).hasSize(3);
        assertThat(ann.messages().get(0).text()).isEqualTo("Fresh news");
        assertThat(ann.messages().get(1).text()).hasSize(4096).endsWith("…");
        assertThat(ann.lastMessage().text()).as("the window, newest").isEqualTo("Count: ");
        assertThat(ann.messages().get(0).inlineKeyboard()).isEmpty();
    }

    @Test
    void aHandlerThatFails_sendsNothing_butItsErrorHandlerCan() {
        ann.send("/broken");

        assertThat(ann.messages()).extracting(FakeMessage::text).containsExactly("Sorry, that went wrong");
    }

    @Test
    void aTransitionThatShowsNothing_stillSendsTheMessage() {
        ann.send("/quiet");

        assertThat(ann.messages()).extracting(FakeMessage::text).containsExactly("Nothing else to show");
    }

    @Test
    void inAFloodWait_theMessageWaitsInLineWithTheWindow() {
        harness.telegram().failNext("sendMessage", 429, "Too Many Requests: retry after 7", 7);

        ann.send("/news");

        assertThat(ann.messages()).extracting(FakeMessage::text).first().isEqualTo("Fresh news");
        assertThat(ann.lastMessage().text()).isEqualTo("Count: ");
        assertThat(harness.time().waits())
                .singleElement()
                .satisfies(wait -> assertThat(wait).isBetween(Duration.ofSeconds(7), Duration.ofMillis(7700)));
    }

    @Test
    void anUpdateOfNoStack_canSendToItsChat() {
        Chat chat = Chat.builder(1001, "private").firstName("Ann").build();
        Message edited = Message.builder(5, 1_700_000_000, chat)
                .from(User.builder(1001, false, "Ann").build())
                .text("typo fixed")
                .editDate(1_700_000_100L)
                .build();

        ann.deliver(Update.builder(99).editedMessage(edited).build(), true);

        assertThat(ann.messages()).extracting(FakeMessage::text).containsExactly("You edited a message");
    }
}
