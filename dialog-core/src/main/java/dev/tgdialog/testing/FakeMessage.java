package dev.tgdialog.testing;

import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.ReplyMarkup;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message the bot sent, as {@link FakeTelegram} holds it at one moment: an immutable snapshot.
 *
 * @param chatId the chat the message is in
 * @param messageId its id, unique and increasing within the chat
 * @param text the text of a text message, or the caption of a media message; null for media without a caption
 * @param kind what the message is: {@code "text"}, {@code "photo"}, {@code "document"}, {@code "video"},
 *     {@code "animation"} or {@code "audio"}
 * @param fileId the {@code file_id} of a media message's file; null for text
 * @param inlineKeyboard the rows of its inline keyboard; empty when it has none
 * @param replyMarkup the reply markup as sent or set by the last edit, of any kind (inline keyboard, reply keyboard,
 *     force reply, keyboard removal); null when none was given
 * @param parseMode the {@code parse_mode} it was sent or last edited with, not applied (the text is kept raw)
 * @param edited whether the message was edited since it was sent
 * @param date when it was sent, in Unix seconds of the fake's time source
 */
public record FakeMessage(
        long chatId,
        long messageId,
        @Nullable String text,
        String kind,
        @Nullable String fileId,
        List<List<InlineKeyboardButton>> inlineKeyboard,
        @Nullable ReplyMarkup replyMarkup,
        @Nullable String parseMode,
        boolean edited,
        long date) {

    public FakeMessage {
        Objects.requireNonNull(kind, "kind");
        List<List<InlineKeyboardButton>> rows = new ArrayList<>();
        for (List<InlineKeyboardButton> row : inlineKeyboard) {
            rows.add(List.copyOf(row));
        }
        inlineKeyboard = List.copyOf(rows);
    }

    /** The labels of the inline keyboard's buttons, row by row, left to right; empty when it has none. */
    public List<String> buttonLabels() {
        List<String> labels = new ArrayList<>();
        for (List<InlineKeyboardButton> row : inlineKeyboard) {
            for (InlineKeyboardButton button : row) {
                labels.add(button.text());
            }
        }
        return List.copyOf(labels);
    }
}
