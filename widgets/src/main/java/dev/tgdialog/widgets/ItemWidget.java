package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.Transition;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What the widgets over a list of items share: the id, the {@link Items} and the toast for a stale click, as an
 * {@link ItemsBuilder} set them. Immutable and thread-safe when the builder's functions are.
 *
 * @param <T> the item type
 */
abstract class ItemWidget<T> implements KeyboardWidget {
    private final String id;
    final Items<T> items;
    final String staleToast;

    ItemWidget(ItemsBuilder<T, ?> b) {
        this.id = b.id;
        this.items = b.items();
        this.staleToast = b.staleToast;
    }

    @Override
    public final String id() {
        return id;
    }

    /**
     * A widget that keeps a value chosen among its items in its state under {@code state}, may mirror it into the
     * dialog's data, and runs a handler when a click changes it.
     *
     * @param <H> the change handler's type
     * @param <V> the type of the value kept
     */
    abstract static class Choice<T, H, V> extends ItemWidget<T> {
        private final Key<V> state;
        private final String kind;
        final H onChange;
        private final @Nullable Key<V> into;

        Choice(ItemsBuilder.Choice<T, ?, H, V> b, Key<V> state, String kind) {
            super(b);
            this.state = state;
            this.kind = kind;
            this.onChange = b.onChange;
            this.into = b.into;
        }

        /** The value, read from the widget's state in its own handlers and render, elsewhere from its mirror key. */
        final @Nullable V value(DialogContext ctx) {
            return OwnState.read(ctx, id(), state, into, kind);
        }

        /** The value in the widget's state, as its own render and handlers see it. */
        final @Nullable V stored(WidgetContext ctx) {
            return ctx.state(state);
        }

        /** Keeps {@code value}, runs the change handler and mirrors the value (see {@link OwnState#change}). */
        final Transition change(WidgetContext ctx, @Nullable V value, OwnState.Handler handler) throws Exception {
            return OwnState.change(ctx, state, into, value, handler);
        }
    }

    /**
     * A choice that shows every item as a button, {@code width} to a row, labelled with the checked or the unchecked
     * format.
     */
    abstract static class Checks<T, H, V> extends Choice<T, H, V> {
        private final int width;
        private final String checkedFormat;
        private final String uncheckedFormat;

        Checks(ItemsBuilder.Checks<T, ?, H, V> b, Key<V> state, String kind) {
            super(b, state, kind);
            this.width = b.width;
            this.checkedFormat = b.checkedFormat;
            this.uncheckedFormat = b.uncheckedFormat;
        }

        /** The current items' buttons, each with the payload {@code payload} gives it, marked when {@code checked}. */
        final List<List<InlineKeyboardButton>> buttons(
                RenderContext ctx, Predicate<String> checked, PayloadOf payload) {
            List<InlineKeyboardButton> buttons = new ArrayList<>();
            for (T item : items.render(ctx)) {
                String itemId = items.id(item);
                boolean on = checked.test(itemId);
                String label = Items.format(on ? checkedFormat : uncheckedFormat, items.label(item));
                buttons.add(ctx.button(label, payload.of(itemId, on)));
            }
            return Items.rows(buttons, width);
        }

        /** The payload of an item's button. */
        @FunctionalInterface
        interface PayloadOf {
            String of(String itemId, boolean checked);
        }
    }
}
