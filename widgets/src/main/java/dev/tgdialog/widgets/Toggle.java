package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.Transition;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.widget.KeyboardWidget;
import dev.tgdialog.widget.RenderContext;
import dev.tgdialog.widget.WidgetContext;
import java.util.List;
import java.util.Objects;
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
public final class Toggle<T> implements KeyboardWidget {
    private static final Key<String> CURRENT = Key.of("current", String.class);

    private final String id;
    private final Items<T> items;
    private final ChangeHandler<T> onChange;
    private final @Nullable Key<String> into;
    private final String staleToast;

    private Toggle(Builder<T> b) {
        this.id = b.id;
        this.items = new Items<>(b.id, b.items, b.itemId, b.label);
        this.onChange = b.onChange;
        this.into = b.into;
        this.staleToast = b.staleToast;
    }

    /** A toggle through constant items, each its own id and label ({@link String#valueOf}). */
    public static <T> Toggle<T> of(String id, List<T> items, ChangeHandler<T> onChange) {
        return new Builder<>(id, Items.constant(items)).onChange(onChange).build();
    }

    /** A toggle through the items {@code items} returns for the context being handled. */
    public static <T> Builder<T> builder(String id, Function<DialogContext, List<T>> items) {
        return new Builder<>(id, Items.of(items));
    }

    /**
     * A toggle through the list a getter provides (or the dialog's data holds) under {@code items}. The window's
     * getters run for a click too, so a click is checked against the list as it is then.
     */
    public static <T> Builder<T> builder(String id, Key<List<T>> items) {
        return new Builder<>(id, Items.fromKey(items));
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * The current item: the one last clicked to if it is still among the items, else the first. Readable in this
     * widget's own handlers and render, and anywhere when it mirrors {@link Builder#into into} a key (items from a
     * getter too: the window's getters run for any handler that asks for a value).
     */
    public Optional<T> current(DialogContext ctx) {
        List<T> all = items.current(ctx);
        int at = indexOf(all, OwnState.read(ctx, id, CURRENT, into, "toggle"));
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(at));
    }

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) {
        List<T> all = items.render(ctx);
        if (all.isEmpty()) {
            return List.of();
        }
        int at = indexOf(all, ctx.state(CURRENT));
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
        int at = indexOf(all, ctx.state(CURRENT));
        if (items.id(all.get(at)).equals(payload)) {
            return Transition.stay();
        }
        if (!items.id(all.get((at + 1) % all.size())).equals(payload)) {
            return Transition.reject(staleToast);
        }
        ctx.setState(CURRENT, payload);
        return OwnState.mirror(onChange.onChange(ctx, target.get()), into, payload);
    }

    private int indexOf(List<T> all, @Nullable String currentId) {
        for (int i = 0; i < all.size(); i++) {
            if (items.id(all.get(i)).equals(currentId)) {
                return i;
            }
        }
        return 0;
    }

    /** Builds a {@link Toggle}. Not thread-safe; the toggle it builds is. */
    public static final class Builder<T> {
        private final String id;
        private final Items.Source<T> items;
        private Function<T, String> itemId = String::valueOf;
        private Function<T, String> label = String::valueOf;
        private ChangeHandler<T> onChange = ChangeHandler.stay();
        private @Nullable Key<String> into;
        private String staleToast = "This button is out of date";

        private Builder(String id, Items.Source<T> items) {
            this.id = Objects.requireNonNull(id, "id");
            this.items = Objects.requireNonNull(items, "items");
        }

        /** The stable id of an item, in the payload and the state; {@link String#valueOf} by default. */
        public Builder<T> itemId(Function<T, String> itemId) {
            this.itemId = Objects.requireNonNull(itemId, "itemId");
            return this;
        }

        /** The label shown for the current item; {@link String#valueOf} by default. */
        public Builder<T> label(Function<T, String> label) {
            this.label = Objects.requireNonNull(label, "label");
            return this;
        }

        /** Runs when the toggle moves to another item; by default it just keeps it. */
        public Builder<T> onChange(ChangeHandler<T> onChange) {
            this.onChange = Objects.requireNonNull(onChange, "onChange");
            return this;
        }

        /** Also keeps the current item's id in the dialog's data under {@code key}, readable anywhere. */
        public Builder<T> into(Key<String> key) {
            this.into = Objects.requireNonNull(key, "key");
            return this;
        }

        /** The toast for a click that is out of date or forged. */
        public Builder<T> staleToast(String toast) {
            this.staleToast = Objects.requireNonNull(toast, "toast");
            return this;
        }

        public Toggle<T> build() {
            return new Toggle<>(this);
        }
    }
}
