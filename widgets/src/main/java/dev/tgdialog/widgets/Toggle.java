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
import org.jspecify.annotations.Nullable;

/**
 * One button showing the current item; a click moves to the next item, after the last back to the first.
 *
 * <p>Renders the current item's label (the first item until a click). The payload is the id of the item the click
 * moves to, so a repeated click on an old keyboard does not move twice: a click to the item already current changes
 * nothing, a click to any other item than the next is refused, as is an id not among the current items. Keeps the
 * current item's id in its state ({@code current}), and, with {@link Builder#into}, mirrors it into the dialog's data.
 * Renders nothing when there are no items. Immutable and thread-safe when its functions are.
 *
 * @param <T> the item type
 */
public final class Toggle<T> extends ItemWidget.Choice<T, ChangeHandler<T>, String> {
    private Toggle(Builder<T> b) {
        super(b, Key.of("current", String.class), "toggle");
    }

    /** A toggle through constant items, each its own id and label ({@link String#valueOf}). */
    public static <T> Toggle<T> of(String id, List<T> items, ChangeHandler<T> onChange) {
        return new Builder<>(id, Items.constant(items)).onChange(onChange).build();
    }

    /** A toggle through the items {@code items} returns ({@linkplain dev.tgdialog.widgets item sources}). */
    public static <T> Builder<T> builder(String id, Function<DialogContext, List<T>> items) {
        return new Builder<>(id, Items.of(items));
    }

    /**
     * The current item: the one last clicked to if it is still among the items, else the first. Readable in this
     * widget's own handlers and render, and anywhere when it mirrors {@link Builder#into into} a key (items from a
     * getter too: the window's getters run for any handler that asks for a value).
     */
    public Optional<T> current(DialogContext ctx) {
        List<T> all = items.current(ctx);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(indexOf(all, value(ctx))));
    }

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) {
        List<T> all = items.render(ctx);
        if (all.isEmpty()) {
            return List.of();
        }
        int at = indexOf(all, stored(ctx));
        T next = all.get((at + 1) % all.size());
        return List.of(List.of(ctx.button(items.label(all.get(at)), items.id(next))));
    }

    @Override
    public Transition onClick(WidgetContext ctx, String payload) throws Exception {
        List<T> all = items.current(ctx);
        Optional<T> target = items.find(ctx, payload);
        if (target.isEmpty() || all.isEmpty()) {
            return Transition.reject(staleToast);
        }
        int at = indexOf(all, stored(ctx));
        if (items.id(all.get(at)).equals(payload)) {
            return Transition.stay();
        }
        if (!items.id(all.get((at + 1) % all.size())).equals(payload)) {
            return Transition.reject(staleToast);
        }
        return change(ctx, payload, () -> onChange.onChange(ctx, target.get()));
    }

    private int indexOf(List<T> all, @Nullable String currentId) {
        for (int i = 0; i < all.size(); i++) {
            if (items.id(all.get(i)).equals(currentId)) {
                return i;
            }
        }
        return 0;
    }

    /** Builds a {@link Toggle}; its label is the current item's. Not thread-safe; the toggle it builds is. */
    public static final class Builder<T> extends ItemsBuilder.Choice<T, Builder<T>, ChangeHandler<T>, String> {
        private Builder(String id, Items.Source<T> items) {
            super(id, items, "This button is out of date", ChangeHandler.stay());
        }

        /** The toggle. */
        public Toggle<T> build() {
            return new Toggle<>(this);
        }
    }
}
