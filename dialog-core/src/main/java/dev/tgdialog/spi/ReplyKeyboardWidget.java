package dev.tgdialog.spi;

import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.KeyboardButton;
import java.util.List;

/**
 * A widget of a reply keyboard (a window with {@code KeyboardKind.REPLY}): it renders {@link KeyboardButton}s,
 * which may request a contact, a location, users, a chat, or open a web app. A plain button made with
 * {@link RenderContext#replyButton} comes back to {@link #onClick} with its payload when the user presses it: the
 * engine maps the label the user sent back to the button it rendered (the labels are kept in the stack, nothing is
 * hidden in the label). Presses that send something else (a contact, a location) arrive as messages: take them by
 * also implementing {@link InputWidget}.
 */
public interface ReplyKeyboardWidget extends KeyboardWidget {

    /** The rows of reply-keyboard buttons for this render. */
    List<List<KeyboardButton>> renderReply(RenderContext ctx) throws Exception;

    /** Reply-keyboard widgets have no inline buttons; a window must be of kind {@code REPLY} to show them. */
    @Override
    default List<List<InlineKeyboardButton>> render(RenderContext ctx) {
        throw new IllegalStateException("reply-keyboard widget " + id() + " can only be shown in a REPLY window");
    }
}
