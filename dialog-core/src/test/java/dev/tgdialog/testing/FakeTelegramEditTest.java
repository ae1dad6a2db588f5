package dev.tgdialog.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tgdialog.telegram.ChatId;
import dev.tgdialog.telegram.InputFile;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.TelegramException;
import dev.tgdialog.telegram.methods.EditMessageCaption;
import dev.tgdialog.telegram.methods.EditMessageMedia;
import dev.tgdialog.telegram.methods.EditMessageReplyMarkup;
import dev.tgdialog.telegram.methods.EditMessageText;
import dev.tgdialog.telegram.methods.SendMessage;
import dev.tgdialog.telegram.methods.SendPhoto;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.InputMediaPhoto;
import dev.tgdialog.telegram.types.KeyboardButton;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.ReplyKeyboardMarkup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FakeTelegram tells an edit that changes nothing from one that does, for every kind of edit, as Telegram does. */
class FakeTelegramEditTest {
    private static final long CHAT = 42;
    private static final ChatId TO = ChatId.of(CHAT);

    private final FakeTime time = new FakeTime();
    private final FakeTelegram fake = new FakeTelegram(time);
    private final TelegramClient client = fake.client(time);

    private static TelegramException.BadRequest refused(Runnable call) {
        TelegramException.BadRequest e = catchThrowableOfType(TelegramException.BadRequest.class, call::run);
        assertThat(e).as("refused with 400").isNotNull();
        return e;
    }

    private static InlineKeyboardMarkup keyboard(String label) {
        return new InlineKeyboardMarkup(List.of(
                List.of(InlineKeyboardButton.builder(label).callbackData(label).build())));
    }

    private Message photo(String fileId, String caption) {
        return client.execute(SendPhoto.builder(CHAT, InputFile.fileId(fileId))
                .caption(caption)
                .build());
    }

    @Test
    void sameCaption_isNotModified_butAnotherKeyboardIsAChange() {
        long id = photo("AgAC-1", "A cat").messageId();

        assertThat(refused(() -> client.execute(EditMessageCaption.builder()
                                .chatId(TO)
                                .messageId(id)
                                .caption("A cat")
                                .build()))
                        .isMessageNotModified())
                .isTrue();
        client.execute(EditMessageCaption.builder()
                .chatId(TO)
                .messageId(id)
                .caption("A cat")
                .replyMarkup(keyboard("Like"))
                .build());

        FakeMessage now = fake.lastMessage(CHAT).orElseThrow();
        assertThat(now.text()).isEqualTo("A cat");
        assertThat(now.buttonLabels()).containsExactly("Like");
        assertThat(now.edited()).isTrue();
        assertThat(fake.history(CHAT)).hasSize(2);
    }

    @Test
    void sameMediaByFileId_isNotModified_butAnotherCaptionOrAnUploadIsAChange() {
        long id = photo("AgAC-1", "A cat").messageId();
        InputMediaPhoto same = InputMediaPhoto.builder(InputFile.fileId("AgAC-1"))
                .caption("A cat")
                .build();

        assertThat(refused(() -> client.execute(EditMessageMedia.builder(same)
                                .chatId(TO)
                                .messageId(id)
                                .build()))
                        .isMessageNotModified())
                .isTrue();
        client.execute(EditMessageMedia.builder(InputMediaPhoto.builder(InputFile.fileId("AgAC-1"))
                        .caption("The cat")
                        .build())
                .chatId(TO)
                .messageId(id)
                .build());
        client.execute(EditMessageMedia.builder(InputMediaPhoto.builder(InputFile.of(new byte[] {1}, "c.jpg"))
                        .caption("The cat")
                        .build())
                .chatId(TO)
                .messageId(id)
                .build());

        FakeMessage now = fake.lastMessage(CHAT).orElseThrow();
        assertThat(now.text()).isEqualTo("The cat");
        assertThat(now.fileId()).startsWith("FAKE-photo-");
        assertThat(fake.history(CHAT)).hasSize(3);
    }

    @Test
    void captionOrMediaEditOfATextMessage_isRefused() {
        long id = client.execute(SendMessage.of(CHAT, "words")).messageId();

        assertThat(refused(() -> client.execute(EditMessageCaption.builder()
                                .chatId(TO)
                                .messageId(id)
                                .caption("c")
                                .build()))
                        .description())
                .isEqualTo("Bad Request: there is no caption in the message to edit");
        assertThat(refused(() -> client.execute(EditMessageMedia.builder(InputMediaPhoto.of(InputFile.fileId("x")))
                                .chatId(TO)
                                .messageId(id)
                                .build()))
                        .description())
                .isEqualTo("Bad Request: there is no media in the message to edit");
        assertThat(fake.history(CHAT)).hasSize(1);
    }

    @Test
    void replyKeyboardSentWithAMessage_staysThroughATextEdit_andNoKeyboardEditIsNotModified() {
        ReplyKeyboardMarkup yesNo =
                ReplyKeyboardMarkup.of(List.of(List.of(KeyboardButton.of("Yes"), KeyboardButton.of("No"))));
        long id = client.execute(
                        SendMessage.builder(CHAT, "Sure?").replyMarkup(yesNo).build())
                .messageId();

        assertThat(refused(() -> client.execute(EditMessageReplyMarkup.builder()
                                .chatId(TO)
                                .messageId(id)
                                .build()))
                        .isMessageNotModified())
                .isTrue();
        client.execute(EditMessageText.builder()
                .chatId(TO)
                .messageId(id)
                .text("Really sure?")
                .build());

        FakeMessage now = fake.lastMessage(CHAT).orElseThrow();
        assertThat(now.text()).isEqualTo("Really sure?");
        assertThat(now.replyMarkup()).isEqualTo(yesNo);
    }

    @Test
    void inlineKeyboardEdit_replacesTheKeyboard_andRemovingItIsAChange() {
        long id = client.execute(SendMessage.builder(CHAT, "Pick")
                        .replyMarkup(keyboard("A"))
                        .build())
                .messageId();

        client.execute(EditMessageReplyMarkup.builder()
                .chatId(TO)
                .messageId(id)
                .replyMarkup(keyboard("B"))
                .build());
        assertThat(fake.lastMessage(CHAT).orElseThrow().buttonLabels()).containsExactly("B");
        client.execute(EditMessageReplyMarkup.builder().chatId(TO).messageId(id).build());

        FakeMessage now = fake.lastMessage(CHAT).orElseThrow();
        assertThat(now.inlineKeyboard()).isEmpty();
        assertThat(now.replyMarkup()).isNull();
        assertThat(fake.history(CHAT)).hasSize(3);
    }

    @Test
    void anInlineMessage_isEditedByItsId_andAnUnknownOneIsRefused() {
        fake.sentInline("inline-1", "Margherita: 0 want it", null);

        assertThat(client.execute(EditMessageText.builder()
                                .inlineMessageId("inline-1")
                                .text("Margherita: 1 want it")
                                .build())
                        .edited())
                .isEmpty();
        assertThat(fake.inlineMessage("inline-1").orElseThrow().text()).isEqualTo("Margherita: 1 want it");
        assertThatThrownBy(() -> client.execute(EditMessageText.builder()
                        .inlineMessageId("inline-1")
                        .text("Margherita: 1 want it")
                        .build()))
                .hasMessageContaining("message is not modified");
        assertThatThrownBy(() -> client.execute(EditMessageText.builder()
                        .inlineMessageId("inline-2")
                        .text("x")
                        .build()))
                .hasMessageContaining("MESSAGE_ID_INVALID");
        assertThat(fake.history(CHAT)).as("no chat's message").isEmpty();
    }
}
