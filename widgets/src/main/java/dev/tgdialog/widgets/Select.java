package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Transition;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
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
public final class Select<T> extends ItemWidget<T> implements Sized {
    private final int width;
    private final ItemHandler<T> onClick;

    private Select(Builder<T> b) {
        super(b);
        this.onClick = Objects.requireNonNull(b.onClick, () -> "select " + b.id + " needs an onClick handler");
        this.width = b.width;
    }

    /** A select of constant items, each its own id and label ({@link String#valueOf}), one to a row. */
    public static <T> Select<T> of(String id, List<T> items, ItemHandler<T> onClick) {
        return new Builder<>(id, Items.constant(items)).onClick(onClick).build();
    }

    /** A select of the items {@code items} returns ({@linkplain dev.tgdialog.widgets item sources}). */
    public static <T> Builder<T> builder(String id, Function<DialogContext, List<T>> items) {
        return new Builder<>(id, Items.of(items));
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
        return Items.rows(renderRange(ctx, 0, Integer.MAX_VALUE), width);
    }

    @Override
    public Transition onClick(WidgetContext ctx, String payload) throws Exception {
        Optional<T> item = items.find(ctx, payload);
        return item.isEmpty() ? Transition.reject(staleToast) : onClick.onClick(ctx, item.get());
    }

    /** Builds a {@link Select}. Not thread-safe; the select it builds is. */
    public static final class Builder<T> extends ItemsBuilder.Labelled<T, Builder<T>> {
        private @Nullable ItemHandler<T> onClick;
        private int width = 1;

        private Builder(String id, Items.Source<T> items) {
            super(id, items, "This item is no longer available");
        }

        /** What a click on an item does. Required. */
        public Builder<T> onClick(ItemHandler<T> onClick) {
            this.onClick = Objects.requireNonNull(onClick, "onClick");
            return this;
        }

        /** Buttons per row, 1-8; 1 by default. */
        public Builder<T> width(int width) {
            this.width = Items.checkWidth(width);
            return this;
        }

        /** The select. */
        public Select<T> build() {
            return new Select<>(this);
        }
    }
}
