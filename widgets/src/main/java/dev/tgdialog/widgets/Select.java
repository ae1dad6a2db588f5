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
 * One button per item; a click hands the item to a handler. Items come from a function of the context, asked at
 * every render and again at every click, or from a key (typically a getter's value), so they may change from one
 * render to the next.
 *
 * <p>Renders the items' labels, {@code width} to a row (1 by default). Each button's payload is its item's id; a
 * click whose id is not among the current items (removed since, or forged) is refused with a toast. Keeps no state:
 * items from a key are read again at the click too (the window's getters run when a handler asks for a value).
 * Immutable and thread-safe when its functions are.
 *
 * <pre>{@code
 * Select.of("size", List.of("S", "M", "L"), (ctx, size) -> next().with(SIZE, size))
 * Select.builder("fruit", FRUITS).itemId(Fruit::code).label(Fruit::name).width(2)
 *     .onClick((ctx, fruit) -> next().with(FRUIT, fruit.code())).build()
 * }</pre>
 *
 * @param <T> the item type
 */
public final class Select<T> implements KeyboardWidget, Sized {
    private final String id;
    private final Items<T> items;
    private final int width;
    private final ItemHandler<T> onClick;
    private final String staleToast;

    private Select(Builder<T> b) {
        this.id = b.id;
        this.items = new Items<>(b.id, b.items, b.itemId, b.label);
        this.width = b.width;
        this.onClick = Objects.requireNonNull(b.onClick, () -> "select " + b.id + " needs an onClick handler");
        this.staleToast = b.staleToast;
    }

    /** A select of constant items, each its own id and label ({@link String#valueOf}), one to a row. */
    public static <T> Select<T> of(String id, List<T> items, ItemHandler<T> onClick) {
        return new Builder<>(id, Items.constant(items)).onClick(onClick).build();
    }

    /** A select of the items {@code items} returns for the context being handled. */
    public static <T> Builder<T> builder(String id, Function<DialogContext, List<T>> items) {
        return new Builder<>(id, Items.of(items));
    }

    /**
     * A select of the list a getter provides (or the dialog's data holds) under {@code items}. The
     * window's getters run for a click too, so a click is checked against the list as it is then.
     */
    public static <T> Builder<T> builder(String id, Key<List<T>> items) {
        return new Builder<>(id, Items.fromKey(items));
    }

    @Override
    public String id() {
        return id;
    }

    /** The current item with this id, if any. */
    public Optional<T> item(DialogContext ctx, String itemId) {
        return items.find(ctx, itemId);
    }

    @Override
    public int buttonCount(DialogContext ctx) {
        return items.current(ctx).size();
    }

    @Override
    public List<InlineKeyboardButton> renderRange(RenderContext ctx, int from, int to) {
        List<T> all = items.current(ctx);
        List<InlineKeyboardButton> buttons = new ArrayList<>(Math.max(0, Math.min(to, all.size()) - from));
        for (int i = from; i < to && i < all.size(); i++) {
            buttons.add(ctx.button(items.label(all.get(i)), items.id(all.get(i))));
        }
        return buttons;
    }

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) {
        List<InlineKeyboardButton> buttons = new ArrayList<>();
        for (T item : items.render(ctx)) {
            buttons.add(ctx.button(items.label(item), items.id(item)));
        }
        return Items.rows(buttons, width);
    }

    @Override
    public Transition onClick(WidgetContext ctx, String payload) throws Exception {
        Optional<T> item = items.find(ctx, payload);
        if (item.isEmpty()) {
            return Transition.reject(staleToast);
        }
        return onClick.onClick(ctx, item.get());
    }

    /** Builds a {@link Select}. Not thread-safe; the select it builds is. */
    public static final class Builder<T> {
        private final String id;
        private final Items.Source<T> items;
        private Function<T, String> itemId = String::valueOf;
        private Function<T, String> label = String::valueOf;
        private int width = 1;
        private @Nullable ItemHandler<T> onClick;
        private String staleToast = "This item is no longer available";

        private Builder(String id, Items.Source<T> items) {
            this.id = Objects.requireNonNull(id, "id");
            this.items = Objects.requireNonNull(items, "items");
        }

        /** The stable id of an item, its button's payload; {@link String#valueOf} by default. */
        public Builder<T> itemId(Function<T, String> itemId) {
            this.itemId = Objects.requireNonNull(itemId, "itemId");
            return this;
        }

        /** The label of an item's button; {@link String#valueOf} by default. */
        public Builder<T> label(Function<T, String> label) {
            this.label = Objects.requireNonNull(label, "label");
            return this;
        }

        /** Buttons per row, 1-8; 1 by default. */
        public Builder<T> width(int width) {
            this.width = Items.checkWidth(width);
            return this;
        }

        /** What a click on an item does. Required. */
        public Builder<T> onClick(ItemHandler<T> onClick) {
            this.onClick = Objects.requireNonNull(onClick, "onClick");
            return this;
        }

        /** The toast for a click on an item that is no longer among the items. */
        public Builder<T> staleToast(String toast) {
            this.staleToast = Objects.requireNonNull(toast, "toast");
            return this;
        }

        public Select<T> build() {
            return new Select<>(this);
        }
    }
}
