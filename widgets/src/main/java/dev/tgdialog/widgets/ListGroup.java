package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Transition;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.Scope;
import dev.tgdialog.spi.Widget;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A template of widgets repeated for every item of a list, each item with its own state: a cart whose every line
 * has its own {@link Counter}, a to-do list whose every entry has its own {@link Checkbox}.
 *
 * <p><b>Renders</b> the template's widgets for each current item, in the items' order: with {@link Builder#row}
 * all buttons of an item go into one row (at most 8), with {@link Builder#rows} each widget keeps its own rows.
 * The template is a function of the item, so labels and handlers may close over it; handlers can also read it with
 * {@link #item(DialogContext, Class)}. Template widgets are ordinary widgets (ids 1-16 of {@code A-Z a-z 0-9 _ -},
 * unique within an item; layouts such as {@code Row} and {@code when(...)} conditions work inside).
 *
 * <p><b>Payloads</b>: a template widget's button calls back to this group with
 * {@code <itemId>:<widgetId>:<payload>}, where {@code payload} is what the template widget asked for. A click is
 * handed to the template widget of that item, with the item read again from the current items: a click on an item
 * no longer there, on a widget the item's template does not have (or hides now), or in another format, is refused
 * with a toast and changes nothing. Item ids are 1-32 of {@code A-Z a-z 0-9 _ . -}, unique among the items.
 *
 * <p><b>State</b>: each template widget keeps its state per item, under the widget id
 * {@code <groupId>:<itemId>:<widgetId>} in the stack (so {@code cart:p1:qty/value} for a counter {@code qty} of item
 * {@code p1} in a group {@code cart}). A template widget reading another widget's state by an id of its own
 * template (a pager and its scrolling group) reads that item's copy. State of an item that is removed stays in the
 * stack until the dialog ends. Each item is a {@link Scope} of the widget SPI, which does the scoping of state and
 * payloads; a widget of your own that repeats widgets can do the same.
 *
 * <pre>{@code
 * ListGroup.builder("cart", CART_LINES).itemId(Line::sku)
 *     .row(line -> List.of(
 *         Button.of("name", line.name(), ctx -> stay()),
 *         Counter.builder("qty").min(0).max(9).build()))
 *     .build()
 * }</pre>
 *
 * Immutable and thread-safe when its functions are.
 *
 * @param <T> the item type
 */
public final class ListGroup<T> extends ItemWidget<T> {
    /** The longest item id: the payload carries it, and the state's widget name. */
    public static final int MAX_ITEM_ID_LENGTH = Scope.MAX_KEY_LENGTH;

    private final Function<? super T, ? extends List<? extends KeyboardWidget>> template;
    private final boolean oneRow;

    private ListGroup(Builder<T> b) {
        super(b);
        this.template = Objects.requireNonNull(b.template, "template");
        this.oneRow = b.oneRow;
    }

    /** A list group of the items {@code items} returns ({@linkplain dev.tgdialog.widgets item sources}). */
    public static <T> Builder<T> builder(String id, Function<DialogContext, List<T>> items) {
        return new Builder<>(id, Items.of(items));
    }

    /** A list group of constant items. */
    public static <T> Builder<T> builder(String id, List<T> items) {
        return new Builder<>(id, Items.constant(items));
    }

    /**
     * The item a template widget belongs to, read in that widget's render or handlers (in any list group); empty
     * elsewhere.
     *
     * @throws ClassCastException when the item is not a {@code type}
     */
    public static <T> Optional<T> item(DialogContext ctx, Class<T> type) {
        return scope(ctx).map(scope -> type.cast(scope.item()));
    }

    /** The id of the item a template widget belongs to, read in that widget's render or handlers; else empty. */
    public static Optional<String> itemId(DialogContext ctx) {
        return scope(ctx).map(Scope::key);
    }

    private static Optional<Scope> scope(DialogContext ctx) {
        return ctx instanceof WidgetContext widget ? Optional.ofNullable(widget.scope()) : Optional.empty();
    }

    /** The current item with this id, if any. */
    public Optional<T> find(DialogContext ctx, String itemId) {
        return items.find(ctx, itemId);
    }

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) throws Exception {
        List<List<InlineKeyboardButton>> rows = new ArrayList<>();
        for (T item : items.render(ctx)) {
            String itemId = checkedItemId(item);
            List<? extends KeyboardWidget> widgets = widgets(item, itemId);
            Scope scope = new Scope(itemId, templateIds(widgets, itemId), item);
            List<List<InlineKeyboardButton>> itemRows = new ArrayList<>();
            for (KeyboardWidget widget : widgets) {
                itemRows.addAll(widget.render(ctx.scoped(scope, widget.id())));
            }
            if (oneRow) {
                List<InlineKeyboardButton> row = new ArrayList<>();
                itemRows.forEach(row::addAll);
                if (row.size() > Items.MAX_WIDTH) {
                    throw new IllegalStateException("list group " + id() + ", item " + itemId + ": " + row.size()
                            + " buttons do not fit one row (at most " + Items.MAX_WIDTH + "); use rows(...)");
                }
                if (!row.isEmpty()) {
                    rows.add(List.copyOf(row));
                }
            } else {
                itemRows.stream().filter(r -> !r.isEmpty()).forEach(rows::add);
            }
        }
        return rows;
    }

    @Override
    public Transition onClick(WidgetContext ctx, String payload) throws Exception {
        Optional<Scope.Click> click = Scope.Click.parse(payload);
        Optional<T> item = click.flatMap(c -> items.find(ctx, c.key()));
        if (click.isEmpty() || item.isEmpty()) {
            return Transition.reject(staleToast);
        }
        String itemId = click.get().key();
        String widgetId = click.get().widgetId();
        List<? extends KeyboardWidget> widgets = widgets(item.get(), itemId);
        KeyboardWidget target = null;
        for (KeyboardWidget widget : widgets) {
            target = find(widget, widgetId, null);
            if (target != null) {
                break;
            }
        }
        if (target == null) {
            return Transition.reject(staleToast);
        }
        Scope scope = new Scope(itemId, templateIds(widgets, itemId), item.get());
        Transition t = target.onClick(ctx.scoped(scope, widgetId), click.get().payload());
        return Objects.requireNonNull(t, () -> "list group " + id() + ": widget " + widgetId + " returned null");
    }

    private List<? extends KeyboardWidget> widgets(T item, String itemId) {
        List<? extends KeyboardWidget> widgets = template.apply(item);
        if (widgets == null) {
            throw new IllegalStateException("list group " + id() + ": the template of item " + itemId
                    + " returned null; return List.of() for no buttons");
        }
        return widgets;
    }

    private String checkedItemId(T item) {
        String itemId = items.id(item);
        if (!Scope.isKey(itemId)) {
            throw new IllegalStateException("list group " + id() + ": item id \"" + itemId + "\" must be 1-"
                    + MAX_ITEM_ID_LENGTH + " of A-Z a-z 0-9 _ . -");
        }
        return itemId;
    }

    /** The ids in an item's template, checked as a window checks its widgets'. */
    private Set<String> templateIds(List<? extends Widget> widgets, String itemId) {
        Set<String> ids = new HashSet<>();
        collectIds(widgets, ids, itemId);
        return Set.copyOf(ids);
    }

    private void collectIds(List<? extends Widget> widgets, Set<String> ids, String itemId) {
        for (Widget widget : widgets) {
            String wid = widget.id();
            if (!wid.isEmpty()) {
                if (!Widget.isId(wid)) {
                    throw new IllegalStateException("list group " + id() + ", item " + itemId + ": widget id \"" + wid
                            + "\" must be 1-" + Widget.MAX_ID_LENGTH + " of A-Z a-z 0-9 _ -");
                }
                if (!ids.add(wid)) {
                    throw new IllegalStateException("list group " + id() + ", item " + itemId
                            + ": two template widgets have the id \"" + wid + "\"");
                }
            }
            if (widget instanceof KeyboardWidget.Conditional c) {
                collectIds(c.widget().children(), ids, itemId);
            } else if (widget instanceof KeyboardWidget k) {
                collectIds(k.children(), ids, itemId);
            }
        }
    }

    /**
     * The template widget with this id, nested ones included; one inside a conditional layout comes wrapped in the
     * layout's condition, so a click cannot reach it while the layout is hidden (as the engine does for a window).
     */
    private static @Nullable KeyboardWidget find(
            Widget widget, String widgetId, @Nullable Predicate<DialogContext> condition) {
        if (!(widget instanceof KeyboardWidget keyboard)) {
            return null;
        }
        if (widget.id().equals(widgetId)) {
            return condition == null || keyboard instanceof KeyboardWidget.Conditional
                    ? keyboard
                    : new KeyboardWidget.Conditional(keyboard, condition);
        }
        Predicate<DialogContext> inner = condition;
        List<? extends Widget> children = keyboard.children();
        if (keyboard instanceof KeyboardWidget.Conditional c) {
            inner = condition == null ? c.condition() : condition.and(c.condition());
            children = c.widget().children();
        }
        for (Widget child : children) {
            KeyboardWidget found = find(child, widgetId, inner);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Settings of a {@link ListGroup}. Not thread-safe; the group it builds is. */
    public static final class Builder<T> extends ItemsBuilder<T, Builder<T>> {
        private @Nullable Function<? super T, ? extends List<? extends KeyboardWidget>> template;
        private boolean oneRow = true;

        private Builder(String id, Items.Source<T> items) {
            super(id, items, "This item is no longer available");
        }

        /** The widgets of an item, all their buttons in one row (at most 8). */
        public Builder<T> row(Function<? super T, ? extends List<? extends KeyboardWidget>> template) {
            this.template = Objects.requireNonNull(template, "template");
            this.oneRow = true;
            return this;
        }

        /** The widgets of an item, each with the rows it renders. */
        public Builder<T> rows(Function<? super T, ? extends List<? extends KeyboardWidget>> template) {
            this.template = Objects.requireNonNull(template, "template");
            this.oneRow = false;
            return this;
        }

        /** The list group; fails without a template. */
        public ListGroup<T> build() {
            if (template == null) {
                throw new IllegalArgumentException("list group " + id + " needs a row or rows template");
            }
            return new ListGroup<>(this);
        }
    }
}
