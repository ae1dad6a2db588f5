package dev.tgdialog.widgets;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.spi.Media;
import dev.tgdialog.telegram.InputFile;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import org.junit.jupiter.api.Test;

/** A sticker as a window's media: sent with the window's buttons, no text, replaced as a whole when the window moves. */
class StickerWindowTest {
    enum Step implements WindowId {
        CHEER,
        DONE
    }

    static final Dialog CHEER = Dialog.builder("cheer")
            .window(
                    Step.CHEER,
                    w -> w.media(ctx -> Media.sticker(InputFile.fileId("CAACAgIAAxkBAAEPizza")))
                            .add(Button.of("again", "Again", ctx -> stay().reply("Once more!")))
                            .add(Button.of("next", "Next", ctx -> Transition.next())))
            .window(Step.DONE, w -> w.text("Enjoy your pizza"))
            .build();

    final FakeUser ann = BotHarness.of(bot -> bot.dialogs(CHEER)
                    .command("go", (ctx, args) -> Transition.start(CHEER, null, StartMode.RESET_STACK)))
            .user(1001, "Ann");

    @Test
    void aStickerWindow_isSentWithItsKeyboard_andNoText() {
        ann.send("/go");

        FakeMessage sticker = ann.lastMessage();
        assertThat(sticker.kind()).isEqualTo("sticker");
        assertThat(sticker.fileId()).isEqualTo("CAACAgIAAxkBAAEPizza");
        assertThat(sticker.text()).isNull();
        assertThat(sticker.buttonLabels()).containsExactly("Again", "Next");
    }

    @Test
    void aReplyLine_goesAsAMessageOfItsOwn_andTheNextWindowReplacesTheSticker() {
        ann.send("/go");
        FakeMessage sticker = ann.lastMessage();

        ann.click("Again");
        assertThat(ann.messages()).extracting(FakeMessage::text).contains("Once more!");

        ann.clickOn(sticker, "Next");
        assertThat(ann.lastMessage().text()).isEqualTo("Enjoy your pizza");
        assertThat(ann.messages())
                .filteredOn(m -> m.kind().equals("sticker"))
                .allSatisfy(m ->
                        assertThat(m.inlineKeyboard()).as("no stale buttons").isEmpty());
        assertThat(sticker.messageId()).isPositive();
    }
}
