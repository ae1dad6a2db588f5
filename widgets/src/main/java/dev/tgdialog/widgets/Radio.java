package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.Transition;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One button per item, at most one of them checked; a click checks its item.
 *
 * <p>Renders each item's label through the checked format ({@code "🔘 {label}"} by default) or the unchecked one
 * ({@code "⚪ {label}"}), {@code width} to a row. A button's payload is its item's id; a click on an id not among the
 * current items is refused, a click on the item already checked changes nothing. Keeps the checked item's id in its
 * state ({@code checked}), and, with {@link Builder#into}, mirrors it into the dialog's data so other handlers, getters
 * and texts can read it. Immutable and thread-safe when its functions are.
 *
 * @param <T> the item type
 */
public final class Radio<T> extends ItemWidget.Checks<T, ChangeHandler<T>, String> {
    private Radio(Builder<T> b) {
        super(b, Key.of("checked", String.class), "radio");
    }

    /** A radio of constant items, each its own id and label ({@link String#valueOf}), one to a row. */
    public static <T> Radio<T> of(String id, List<T> items, ChangeHandler<T> onChange) {
        return new Builder<>(id, Items.constant(items)).onChange(onChange).build();
    }

    /** A radio of the items {@code items} returns ({@linkplain dev.tgdialog.widgets item sources}). */
    public static <T> Builder<T> builder(String id, Function<DialogContext, List<T>> items) {
        return new Builder<>(id, Items.of(items));
    }

    /**
     * The id of the checked item, if one is checked. Readable in this widget's own handlers and render, and
     * anywhere when it mirrors {@link Builder#into into} a key.
     */
    public Optional<String> checkedId(DialogContext ctx) {
        return Optional.ofNullable(value(ctx));
    }

    /**
     * The checked item, if one is checked and is still among the current items; readable where {@link #checkedId}
     * is (items from a getter too: the window's getters run for any handler that asks for a value).
     */
    public Optional<T> checked(DialogContext ctx) {
        return checkedId(ctx).flatMap(checked -> items.find(ctx, checked));
    }

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) {
        String checked = stored(ctx);
        return buttons(ctx, itemId -> itemId.equals(checked), (itemId, on) -> itemId);
    }

    @Override
    public Transition onClick(WidgetContext ctx, String payload) throws Exception {
        Optional<T> item = items.find(ctx, payload);
        if (item.isEmpty()) {
            return Transition.reject(staleToast);
        }
        return payload.equals(stored(ctx))
                ? Transition.stay()
                : change(ctx, payload, () -> onChange.onChange(ctx, item.get()));
    }

    /**
     * Builds a {@link Radio}; its formats are {@code "🔘 {label}"} and {@code "⚪ {label}"} by default. Not thread-safe;
     * the radio it builds is.
     */
    public static final class Builder<T> extends ItemsBuilder.Checks<T, Builder<T>, ChangeHandler<T>, String> {
        private Builder(String id, Items.Source<T> items) {
            super(id, items, ChangeHandler.stay(), "🔘 {label}", "⚪ {label}");
        }

        /** The radio. */
        public Radio<T> build() {
            return new Radio<>(this);
        }
    }
}
