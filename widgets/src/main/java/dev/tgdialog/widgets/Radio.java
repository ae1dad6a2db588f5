package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.Transition;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.widget.KeyboardWidget;
import dev.tgdialog.widget.RenderContext;
import dev.tgdialog.widget.WidgetContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

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
public final class Radio<T> implements KeyboardWidget {
    private static final Key<String> CHECKED = Key.of("checked", String.class);

    private final String id;
    private final Items<T> items;
    private final int width;
    private final String checkedFormat;
    private final String uncheckedFormat;
    private final ChangeHandler<T> onChange;
    private final @Nullable Key<String> into;
    private final String staleToast;

    private Radio(Builder<T> b) {
        this.id = b.id;
        this.items = new Items<>(b.id, b.items, b.itemId, b.label);
        this.width = b.width;
        this.checkedFormat = b.checkedFormat;
        this.uncheckedFormat = b.uncheckedFormat;
        this.onChange = b.onChange;
        this.into = b.into;
        this.staleToast = b.staleToast;
    }

    /** A radio of constant items, each its own id and label ({@link String#valueOf}), one to a row. */
    public static <T> Radio<T> of(String id, List<T> items, ChangeHandler<T> onChange) {
        return new Builder<>(id, Items.constant(items)).onChange(onChange).build();
    }

    /** A radio of the items {@code items} returns for the context being handled. */
    public static <T> Builder<T> builder(String id, Function<DialogContext, List<T>> items) {
        return new Builder<>(id, Items.of(items));
    }

    /**
     * A radio of the list a getter provides (or the dialog's data holds) under {@code items}. The
     * window's getters run for a click too, so a click is checked against the list as it is then.
     */
    public static <T> Builder<T> builder(String id, Key<List<T>> items) {
        return new Builder<>(id, Items.fromKey(items));
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * The id of the checked item, if one is checked. Readable in this widget's own handlers and render, and
     * anywhere when it mirrors {@link Builder#into into} a key.
     */
    public Optional<String> checkedId(DialogContext ctx) {
        return Optional.ofNullable(OwnState.read(ctx, id, CHECKED, into, "radio"));
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
        String checked = ctx.state(CHECKED);
        List<InlineKeyboardButton> buttons = new ArrayList<>();
        for (T item : items.render(ctx)) {
            String itemId = items.id(item);
            String format = itemId.equals(checked) ? checkedFormat : uncheckedFormat;
            buttons.add(ctx.button(Items.format(format, items.label(item)), itemId));
        }
        return Items.rows(buttons, width);
    }

    @Override
    public Transition onClick(WidgetContext ctx, String payload) throws Exception {
        Optional<T> item = items.find(ctx, payload);
        if (item.isEmpty()) {
            return Transition.reject(staleToast);
        }
        if (payload.equals(ctx.state(CHECKED))) {
            return Transition.stay();
        }
        ctx.setState(CHECKED, payload);
        return OwnState.mirror(onChange.onChange(ctx, item.get()), into, payload);
    }

    /** Builds a {@link Radio}. Not thread-safe; the radio it builds is. */
    public static final class Builder<T> {
        private final String id;
        private final Items.Source<T> items;
        private Function<T, String> itemId = String::valueOf;
        private Function<T, String> label = String::valueOf;
        private int width = 1;
        private String checkedFormat = "🔘 {label}";
        private String uncheckedFormat = "⚪ {label}";
        private ChangeHandler<T> onChange = ChangeHandler.stay();
        private @Nullable Key<String> into;
        private String staleToast = "This item is no longer available";

        private Builder(String id, Items.Source<T> items) {
            this.id = Objects.requireNonNull(id, "id");
            this.items = Objects.requireNonNull(items, "items");
        }

        /** The stable id of an item, its button's payload and what the state keeps; {@link String#valueOf} default. */
        public Builder<T> itemId(Function<T, String> itemId) {
            this.itemId = Objects.requireNonNull(itemId, "itemId");
            return this;
        }

        /** The label of an item, put in the formats' {@code {label}}; {@link String#valueOf} by default. */
        public Builder<T> label(Function<T, String> label) {
            this.label = Objects.requireNonNull(label, "label");
            return this;
        }

        /** Buttons per row, 1-8; 1 by default. */
        public Builder<T> width(int width) {
            this.width = Items.checkWidth(width);
            return this;
        }

        /** The checked item's label, {@code {label}} standing for the item's label; {@code "🔘 {label}"} default. */
        public Builder<T> checkedFormat(String format) {
            this.checkedFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /** The other items' labels; {@code "⚪ {label}"} by default. */
        public Builder<T> uncheckedFormat(String format) {
            this.uncheckedFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Runs when another item gets checked; by default the radio just keeps it. */
        public Builder<T> onChange(ChangeHandler<T> onChange) {
            this.onChange = Objects.requireNonNull(onChange, "onChange");
            return this;
        }

        /** Also keeps the checked item's id in the dialog's data under {@code key}, readable anywhere. */
        public Builder<T> into(Key<String> key) {
            this.into = Objects.requireNonNull(key, "key");
            return this;
        }

        /** The toast for a click on an item that is no longer among the items. */
        public Builder<T> staleToast(String toast) {
            this.staleToast = Objects.requireNonNull(toast, "toast");
            return this;
        }

        public Radio<T> build() {
            return new Radio<>(this);
        }
    }
}
