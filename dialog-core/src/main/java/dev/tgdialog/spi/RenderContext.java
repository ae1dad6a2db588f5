package dev.tgdialog.spi;

import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.KeyboardButton;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a widget renders with: its state, the dialog's data, and the means to make buttons that call back. */
public interface RenderContext extends WidgetContext {

    /**
     * A button that, when clicked, calls this widget's {@link KeyboardWidget#onClick} with {@code payload}. Any
     * payload fits: one too long for Telegram's 64-byte callback data is kept in the stack and the button carries a
     * short token instead.
     */
    InlineKeyboardButton button(String label, String payload);

    /**
     * A plain reply-keyboard button: when the user presses it (Telegram sends its label as a message), this
     * widget's {@code onClick} gets {@code payload}.
     */
    KeyboardButton replyButton(String label, String payload);

    /** Renders a nested reply-keyboard widget with a context of its own. */
    List<List<KeyboardButton>> renderReply(ReplyKeyboardWidget child) throws Exception;

    /**
     * The value named {@code name} for templates: a getter's value of that key name, else the dialog's data value
     * (as a string, number, boolean, list or map), else null.
     */
    @Nullable
    Object valueOf(String name);

    /**
     * Renders a text as a button's label. Telegram shows labels as plain text whatever the window's parse mode, so
     * the text renders with no parse mode: a template's values are not escaped, and {@link #parseMode} is null.
     */
    String label(TextWidget text) throws Exception;

    /**
     * Fills a template's <code>{name}</code> placeholders ({@code name} of {@code A-Z a-z 0-9 _ . -}) with
     * {@link #valueOf} each name, a missing value left empty. Each value is escaped for the window's parse mode, so it
     * shows as it is and cannot add markup; the template itself is markup of that mode. <code>{{}</code> writes a
     * brace, so <code>{{}name}</code> shows <code>{name}</code>; any other brace is kept as it is, and a brace in a
     * value is no placeholder.
     */
    default String format(String template) {
        return Template.fill(this, template);
    }

    /**
     * The context a nested widget renders with (bound to its id), for a layout that calls a child in its own way
     * rather than through {@link #render(KeyboardWidget)}.
     */
    RenderContext forChild(Widget child);

    /** Renders a nested widget (a layout's child) with a context of its own. */
    List<List<InlineKeyboardButton>> render(KeyboardWidget child) throws Exception;

    /** {@inheritDoc} Its {@link #button}s call back to this context's widget with a {@link Scope.Click}. */
    @Override
    RenderContext scoped(Scope scope, String widgetId);
}
