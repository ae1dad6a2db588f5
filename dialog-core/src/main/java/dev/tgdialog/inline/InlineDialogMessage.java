package dev.tgdialog.inline;

import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.InputTextMessageContent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A dialog's first window as an inline result's message ({@link dev.tgdialog.DialogContext#inlineDialog}): its text
 * and its buttons. Each message a user sends with it runs the dialog of its own, shared by everyone who sees it.
 *
 * @param content the message text, as the result's {@code input_message_content}
 * @param keyboard the window's buttons, as the result's {@code reply_markup}; null when it has none
 */
public record InlineDialogMessage(
        InputTextMessageContent content, @Nullable InlineKeyboardMarkup keyboard) {
    public InlineDialogMessage {
        Objects.requireNonNull(content, "content");
    }
}
