package dev.tgdialog.engine;

import static dev.tgdialog.Transition.done;
import static dev.tgdialog.Transition.next;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.KeyboardKind;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.kit.Button;
import dev.tgdialog.kit.Nav;
import dev.tgdialog.telegram.types.ReplyKeyboardMarkup;
import dev.tgdialog.telegram.types.ReplyKeyboardRemove;
import dev.tgdialog.telegram.types.ReplyMarkup;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.ChatEvent;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * When a window of one keyboard kind follows one of the other, the keyboard of the window before goes away: inline
 * buttons would only answer "no longer active", and a reply keyboard would stay on the user's screen for good.
 */
class KeyboardHandOverTest {
    enum Step implements WindowId {
        MENU,
        REPLY,
        AFTER
    }

    private static Dialog dialog(Transition fromReply) {
        return Dialog.builder("mixed")
                .window(Step.MENU, w -> w.text("Menu").add(Button.of("go", "Go", ctx -> next())))
                .window(
                        Step.REPLY,
                        w -> w.text("Pick on the keyboard")
                                .keyboardKind(KeyboardKind.REPLY)
                                .add(Button.of("on", "Onwards", ctx -> fromReply)))
                .window(
                        Step.AFTER,
                        w -> w.text("Inline again")
                                .add(Button.of("fin", "Finish", ctx -> done().saying("Bye")))
                                .add(Nav.back("Back")))
                .build();
    }

    private static FakeUser start(Transition fromReply) {
        Dialog d = dialog(fromReply);
        BotHarness h = BotHarness.of(bot ->
                bot.dialogs(d).command("go", (ctx, args) -> Transition.start(d, StartMode.RESET_STACK)));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/go");
        return ann;
    }

    /** The reply keyboard the user's app shows: the last one a message brought, unless a later message removed it. */
    private static @Nullable ReplyKeyboardMarkup keyboardOnScreen(FakeUser user) {
        ReplyKeyboardMarkup shown = null;
        for (ChatEvent event : user.history()) {
            if (event instanceof ChatEvent.Sent sent) {
                ReplyMarkup markup = sent.message().replyMarkup();
                if (markup instanceof ReplyKeyboardMarkup keyboard) {
                    shown = keyboard;
                } else if (markup instanceof ReplyKeyboardRemove) {
                    shown = null;
                }
            }
        }
        return shown;
    }

    @Test
    void aReplyKeyboardWindowAfterAnInlineOne_takesTheInlineButtonsOffTheMessageBefore() {
        FakeUser ann = start(next());
        FakeMessage menu = ann.lastMessage();

        ann.click("Go");

        assertThat(ann.messages()).extracting(FakeMessage::text).containsExactly("Menu", "Pick on the keyboard");
        assertThat(ann.messages().get(0).messageId()).isEqualTo(menu.messageId());
        assertThat(ann.messages().get(0).inlineKeyboard())
                .as("the menu's buttons")
                .isEmpty();
        assertThat(keyboardOnScreen(ann)).isNotNull();
    }

    @Test
    void anInlineWindowAfterAReplyKeyboard_removesTheReplyKeyboard_andShowsItsOwnButtons() {
        FakeUser ann = start(next());
        ann.click("Go");

        ann.click("Onwards");

        assertThat(keyboardOnScreen(ann))
                .as("the reply keyboard after leaving its window")
                .isNull();
        assertThat(ann.lastMessage().text()).isEqualTo("Inline again");
        assertThat(ann.lastMessage().buttonLabels()).containsExactly("Finish", "Back");
        ann.click("Finish");
        assertThat(ann.lastMessage().text()).isEqualTo("Bye");
    }

    @Test
    void aDialogThatEndsInAReplyKeyboardWindow_withAFarewell_removesTheKeyboardWithIt() {
        FakeUser ann = start(done().saying("Done here"));
        ann.click("Go");

        ann.click("Onwards");

        assertThat(ann.lastMessage().text()).isEqualTo("Done here");
        assertThat(ann.lastMessage().replyMarkup()).isInstanceOf(ReplyKeyboardRemove.class);
        assertThat(keyboardOnScreen(ann)).isNull();
    }

    @Test
    void aDialogThatEndsInAReplyKeyboardWindow_withoutAFarewell_removesTheKeyboard_andLeavesNoMessage() {
        FakeUser ann = start(done());
        ann.click("Go");

        ann.click("Onwards");

        assertThat(keyboardOnScreen(ann)).isNull();
        assertThat(ann.messages()).extracting(FakeMessage::text).containsExactly("Menu", "Pick on the keyboard");
    }
}
