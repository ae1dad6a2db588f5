package dev.tgdialog.spi;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Transition;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.List;
import java.util.function.Predicate;

/**
 * Renders buttons and handles clicks on them. Buttons that call back are made with
 * {@link RenderContext#button(String, String)}, which encodes the payload into callback data; a click on one comes
 * back to {@link #onClick} with that payload, after the engine made sure it is a button of the window showing now.
 * The payload is still untrusted: check it (an item must be among the current items) and
 * {@link Transition#reject} what does not fit.
 */
public interface KeyboardWidget extends Widget {

    /** The rows of buttons for this render; an empty list shows nothing. */
    List<List<InlineKeyboardButton>> render(RenderContext ctx) throws Exception;

    /** Handles a click on a button this widget rendered. */
    default Transition onClick(WidgetContext ctx, String payload) throws Exception {
        return Transition.reject("This button does nothing");
    }

    /** Widgets nested in this one (a layout's children), so the engine can route their clicks and check ids. */
    default List<? extends Widget> children() {
        return List.of();
    }

    /** This widget, shown (and clickable) only when {@code condition} holds. */
    default KeyboardWidget when(Predicate<DialogContext> condition) {
        return new Conditional(this, condition);
    }

    /** A widget shown only while a condition holds; a click while it is hidden is refused. */
    record Conditional(KeyboardWidget widget, Predicate<DialogContext> condition) implements KeyboardWidget {
        @Override
        public String id() {
            return widget.id();
        }

        @Override
        public List<List<InlineKeyboardButton>> render(RenderContext ctx) throws Exception {
            return condition.test(ctx) ? widget.render(ctx) : List.of();
        }

        @Override
        public Transition onClick(WidgetContext ctx, String payload) throws Exception {
            return condition.test(ctx) ? widget.onClick(ctx, payload) : Transition.reject("This button is hidden now");
        }

        @Override
        public List<? extends Widget> children() {
            return widget.children();
        }
    }
}
