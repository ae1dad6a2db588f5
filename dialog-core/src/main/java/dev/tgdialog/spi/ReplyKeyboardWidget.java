package dev.tgdialog.spi;

import dev.tgdialog.Transition;
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

    /**
     * {@inheritDoc} It stays a reply-keyboard widget; a button that also takes messages (a contact request) keeps
     * only its keyboard side, so declare those moves on the window's other widgets.
     */
    @Override
    default ReplyKeyboardWidget leadsTo(Transition.Move... moves) {
        return new Leading(this, List.of(moves));
    }

    /** A reply-keyboard widget with declared moves; all else is its widget's. */
    record Leading(ReplyKeyboardWidget widget, List<Transition.Move> moves) implements ReplyKeyboardWidget {
        public Leading {
            moves = List.copyOf(moves);
        }

        @Override
        public String id() {
            return widget.id();
        }

        @Override
        public List<Transition.Move> leadsTo() {
            List<Transition.Move> all = new java.util.ArrayList<>(widget.leadsTo());
            all.addAll(moves);
            return List.copyOf(all);
        }

        @Override
        public List<List<KeyboardButton>> renderReply(RenderContext ctx) throws Exception {
            return widget.renderReply(ctx);
        }

        @Override
        public Transition onClick(WidgetContext ctx, String payload) throws Exception {
            return widget.onClick(ctx, payload);
        }

        @Override
        public List<? extends Widget> children() {
            return widget.children();
        }
    }
}
