package dev.tgdialog.spi;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Transition;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

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

    /**
     * This widget, declaring that its handlers may make these moves (say {@code next()}, {@code switchTo(Step.PAY)},
     * {@code start(SETTINGS)} or {@code done()}): a hint for transition maps, since a handler's lambda cannot be read.
     * The engine ignores it; the widget renders and handles clicks as before. Wrap the widget that handles the click
     * (a {@code ScrollingGroup}'s select: the group itself).
     */
    default KeyboardWidget leadsTo(Transition.Move... moves) {
        return new Leading(this, List.of(moves));
    }

    /** A widget with declared moves ({@link #leadsTo(Transition.Move...)}); all else is its widget's. */
    record Leading(KeyboardWidget widget, List<Transition.Move> moves) implements KeyboardWidget {
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
        public List<List<InlineKeyboardButton>> render(RenderContext ctx) throws Exception {
            return widget.render(ctx);
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

    /** The colour Telegram gives a button, where the app shows one (the app's own style when none is set). */
    enum Style {
        /** Blue. */
        PRIMARY("primary"),
        /** Green. */
        SUCCESS("success"),
        /** Red. */
        DANGER("danger");

        private final String value;

        Style(String value) {
            this.value = value;
        }

        /** The Bot API's name of the style. */
        public String value() {
            return value;
        }
    }

    /** This widget with every button it renders in {@code style}. */
    default KeyboardWidget style(Style style) {
        return new Decorated(this, style.value(), null);
    }

    /**
     * This widget with a custom emoji before the text of every button it renders (Telegram shows it for bots whose
     * owner has Telegram Premium, or that bought a username on Fragment).
     */
    default KeyboardWidget icon(String customEmojiId) {
        return new Decorated(this, null, customEmojiId);
    }

    /** A widget whose buttons are drawn with a style or an icon; clicks and children are its widget's. */
    record Decorated(
            KeyboardWidget widget,
            @Nullable String style,
            @Nullable String icon) implements KeyboardWidget {
        @Override
        public String id() {
            return widget.id();
        }

        @Override
        public List<List<InlineKeyboardButton>> render(RenderContext ctx) throws Exception {
            List<List<InlineKeyboardButton>> rows = new java.util.ArrayList<>();
            for (List<InlineKeyboardButton> row : widget.render(ctx)) {
                List<InlineKeyboardButton> drawn = new java.util.ArrayList<>(row.size());
                for (InlineKeyboardButton button : row) {
                    InlineKeyboardButton.Builder b = button.toBuilder();
                    if (style != null) {
                        b.style(style);
                    }
                    if (icon != null) {
                        b.iconCustomEmojiId(icon);
                    }
                    drawn.add(b.build());
                }
                rows.add(drawn);
            }
            return rows;
        }

        @Override
        public Transition onClick(WidgetContext ctx, String payload) throws Exception {
            return widget.onClick(ctx, payload);
        }

        @Override
        public List<? extends Widget> children() {
            return widget.children();
        }

        @Override
        public List<Transition.Move> leadsTo() {
            return widget.leadsTo();
        }

        /** The hint goes inside the decoration, so the engine still sees what it wraps. */
        @Override
        public KeyboardWidget leadsTo(Transition.Move... moves) {
            return new Decorated(widget.leadsTo(moves), style, icon);
        }

        @Override
        public KeyboardWidget style(Style style) {
            return new Decorated(widget, style.value(), icon);
        }

        @Override
        public KeyboardWidget icon(String customEmojiId) {
            return new Decorated(widget, style, customEmojiId);
        }
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

        /**
         * The hint goes inside the condition: a window registers a condition's nested widgets under it only when it
         * sees the condition itself, so a hidden layout's buttons stay unclickable.
         */
        @Override
        public KeyboardWidget leadsTo(Transition.Move... moves) {
            return new Conditional(widget.leadsTo(moves), condition);
        }

        @Override
        public List<Transition.Move> leadsTo() {
            return widget.leadsTo();
        }

        @Override
        public List<? extends Widget> children() {
            return widget.children();
        }
    }
}
