package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.Transition;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.types.CallbackQuery;
import dev.tgdialog.telegram.types.Chat;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.KeyboardButton;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.telegram.types.User;
import dev.tgdialog.widget.KeyboardWidget;
import dev.tgdialog.widget.RenderContext;
import dev.tgdialog.widget.ReplyKeyboardWidget;
import dev.tgdialog.widget.Widget;
import dev.tgdialog.widget.WidgetContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
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
 * stack until the dialog ends.
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
public final class ListGroup<T> implements KeyboardWidget {
    /** The longest item id: the payload carries it, and the state's widget name. */
    public static final int MAX_ITEM_ID_LENGTH = 32;

    private static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_ITEM_ID_LENGTH + "}");
    private static final Pattern WIDGET_ID = Pattern.compile("[A-Za-z0-9_-]{1," + Widget.MAX_ID_LENGTH + "}");
    private static final char SEPARATOR = ':';

    private final String id;
    private final Items<T> items;
    private final Function<? super T, ? extends List<? extends KeyboardWidget>> template;
    private final boolean oneRow;
    private final String staleToast;

    private ListGroup(Builder<T> b) {
        this.id = b.id;
        this.items = new Items<>(b.id, b.items, b.itemId, String::valueOf);
        this.template = Objects.requireNonNull(b.template, "template");
        this.oneRow = b.oneRow;
        this.staleToast = b.staleToast;
    }

    /** A list group of the items {@code items} returns for the context being handled. */
    public static <T> Builder<T> builder(String id, Function<DialogContext, List<T>> items) {
        return new Builder<>(id, Items.of(items));
    }

    /** A list group of the list a getter provides (or the dialog's data holds) under {@code items}. */
    public static <T> Builder<T> builder(String id, Key<List<T>> items) {
        return new Builder<>(id, Items.fromKey(items));
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
        return ctx instanceof ItemWidgetContext<?> item ? Optional.of(type.cast(item.item)) : Optional.empty();
    }

    /** The id of the item a template widget belongs to, read in that widget's render or handlers; else empty. */
    public static Optional<String> itemId(DialogContext ctx) {
        return ctx instanceof ItemWidgetContext<?> item ? Optional.of(item.itemId) : Optional.empty();
    }

    @Override
    public String id() {
        return id;
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
            Set<String> ids = templateIds(widgets, itemId);
            List<List<InlineKeyboardButton>> itemRows = new ArrayList<>();
            for (KeyboardWidget widget : widgets) {
                itemRows.addAll(widget.render(new ItemRenderContext<>(ctx, item, itemId, widget.id(), ids)));
            }
            if (oneRow) {
                List<InlineKeyboardButton> row = new ArrayList<>();
                itemRows.forEach(row::addAll);
                if (row.size() > Items.MAX_WIDTH) {
                    throw new IllegalStateException("list group " + id + ", item " + itemId + ": " + row.size()
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
        int first = payload.indexOf(SEPARATOR);
        int second = first < 0 ? -1 : payload.indexOf(SEPARATOR, first + 1);
        if (second < 0) {
            return Transition.reject(staleToast);
        }
        String itemId = payload.substring(0, first);
        String widgetId = payload.substring(first + 1, second);
        if (!ITEM_ID.matcher(itemId).matches() || !WIDGET_ID.matcher(widgetId).matches()) {
            return Transition.reject(staleToast);
        }
        Optional<T> item = items.find(ctx, itemId);
        if (item.isEmpty()) {
            return Transition.reject(staleToast);
        }
        List<? extends KeyboardWidget> widgets = widgets(item.get(), itemId);
        Set<String> ids = templateIds(widgets, itemId);
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
        Transition t = target.onClick(new ItemWidgetContext<>(ctx, item.get(), itemId, widgetId, ids),
                payload.substring(second + 1));
        return Objects.requireNonNull(t, () -> "list group " + id + ": widget " + widgetId + " returned null");
    }

    private List<? extends KeyboardWidget> widgets(T item, String itemId) {
        List<? extends KeyboardWidget> widgets = template.apply(item);
        if (widgets == null) {
            throw new IllegalStateException("list group " + id + ": the template of item " + itemId
                    + " returned null; return List.of() for no buttons");
        }
        return widgets;
    }

    private String checkedItemId(T item) {
        String itemId = items.id(item);
        if (!ITEM_ID.matcher(itemId).matches()) {
            throw new IllegalStateException("list group " + id + ": item id \"" + itemId + "\" must be 1-"
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
                if (!WIDGET_ID.matcher(wid).matches()) {
                    throw new IllegalStateException("list group " + id + ", item " + itemId + ": widget id \"" + wid
                            + "\" must be 1-" + Widget.MAX_ID_LENGTH + " of A-Z a-z 0-9 _ -");
                }
                if (!ids.add(wid)) {
                    throw new IllegalStateException("list group " + id + ", item " + itemId
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
    private static @Nullable KeyboardWidget find(Widget widget, String widgetId,
            @Nullable Predicate<DialogContext> condition) {
        if (!(widget instanceof KeyboardWidget keyboard)) {
            return null;
        }
        if (widget.id().equals(widgetId)) {
            return condition == null || keyboard instanceof KeyboardWidget.Conditional ? keyboard
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
    public static final class Builder<T> {
        private final String id;
        private final Items.Source<T> items;
        private Function<T, String> itemId = String::valueOf;
        private @Nullable Function<? super T, ? extends List<? extends KeyboardWidget>> template;
        private boolean oneRow = true;
        private String staleToast = "This item is no longer available";

        private Builder(String id, Items.Source<T> items) {
            this.id = Objects.requireNonNull(id, "id");
            this.items = Objects.requireNonNull(items, "items");
        }

        /** The stable id of an item, in payloads and state; {@link String#valueOf} by default. */
        public Builder<T> itemId(Function<T, String> itemId) {
            this.itemId = Objects.requireNonNull(itemId, "itemId");
            return this;
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

        /** The toast for a click on an item or widget that is not there (any more), or a forged one. */
        public Builder<T> staleToast(String toast) {
            this.staleToast = Objects.requireNonNull(toast, "toast");
            return this;
        }

        public ListGroup<T> build() {
            if (template == null) {
                throw new IllegalArgumentException("list group " + id + " needs a row or rows template");
            }
            return new ListGroup<>(this);
        }
    }

    /**
     * The context of a template widget of one item: the group's context, with the widget's own state kept under
     * {@code <groupId>:<itemId>:<widgetId>}.
     */
    private static class ItemWidgetContext<I> implements WidgetContext {
        final WidgetContext group;
        final I item;
        final String itemId;
        final String widgetId;
        final Set<String> templateIds;

        ItemWidgetContext(WidgetContext group, I item, String itemId, String widgetId, Set<String> templateIds) {
            this.group = group;
            this.item = item;
            this.itemId = itemId;
            this.widgetId = widgetId;
            this.templateIds = templateIds;
        }

        /** Where a template widget's state lives: its item's copy; other widgets' state is the window's own. */
        String stateName(String widget) {
            return templateIds.contains(widget) ? group.widgetId() + SEPARATOR + itemId + SEPARATOR + widget : widget;
        }

        private String ownId() {
            if (widgetId.isEmpty()) {
                throw new IllegalStateException("a widget without an id keeps no state");
            }
            return widgetId;
        }

        @Override
        public String widgetId() {
            return widgetId;
        }

        @Override
        public <V> @Nullable V state(Key<V> key) {
            return group.widgetState(stateName(ownId()), key);
        }

        @Override
        public <V> void setState(Key<V> key, @Nullable V value) {
            group.setWidgetState(stateName(ownId()), key, value);
        }

        @Override
        public <V> @Nullable V widgetState(String widget, Key<V> key) {
            return group.widgetState(stateName(widget), key);
        }

        @Override
        public <V> void setWidgetState(String widget, Key<V> key, @Nullable V value) {
            group.setWidgetState(stateName(widget), key, value);
        }

        @Override
        public @Nullable CallbackQuery callbackQuery() {
            return group.callbackQuery();
        }

        @Override
        public Update update() {
            return group.update();
        }

        @Override
        public @Nullable User user() {
            return group.user();
        }

        @Override
        public @Nullable Chat chat() {
            return group.chat();
        }

        @Override
        public long chatId() {
            return group.chatId();
        }

        @Override
        public long userId() {
            return group.userId();
        }

        @Override
        public @Nullable String dialogId() {
            return group.dialogId();
        }

        @Override
        public @Nullable String windowId() {
            return group.windowId();
        }

        @Override
        public @Nullable String parentDialogId() {
            return group.parentDialogId();
        }

        @Override
        public <V> @Nullable V get(Key<V> key) {
            return group.get(key);
        }

        @Override
        public <V> @Nullable V input(Class<V> type) {
            return group.input(type);
        }

        @Override
        public void toast(String text) {
            group.toast(text);
        }

        @Override
        public void alert(String text) {
            group.alert(text);
        }

        @Override
        public TelegramClient telegram() {
            return group.telegram();
        }

        @Override
        public Clock clock() {
            return group.clock();
        }
    }

    /** The render context of a template widget: its buttons call back to the group with the item and widget id. */
    private static final class ItemRenderContext<I> extends ItemWidgetContext<I> implements RenderContext {
        private final RenderContext render;

        ItemRenderContext(RenderContext group, I item, String itemId, String widgetId, Set<String> templateIds) {
            super(group, item, itemId, widgetId, templateIds);
            this.render = group;
        }

        @Override
        public InlineKeyboardButton button(String label, String payload) {
            if (widgetId.isEmpty()) {
                throw new IllegalStateException("list group " + group.widgetId() + ", item " + itemId
                        + ": a widget without an id cannot make callback buttons (label \"" + label + "\")");
            }
            return render.button(label, itemId + SEPARATOR + widgetId + SEPARATOR + payload);
        }

        @Override
        public KeyboardButton replyButton(String label, String payload) {
            throw new UnsupportedOperationException("list group " + group.widgetId()
                    + ": template widgets render inline buttons only");
        }

        @Override
        public List<List<KeyboardButton>> renderReply(ReplyKeyboardWidget child) {
            throw new UnsupportedOperationException("list group " + group.widgetId()
                    + ": template widgets render inline buttons only");
        }

        @Override
        public @Nullable Object valueOf(String name) {
            return render.valueOf(name);
        }

        @Override
        public List<List<InlineKeyboardButton>> render(KeyboardWidget child) throws Exception {
            return child.render(forChild(child));
        }

        @Override
        public RenderContext forChild(Widget child) {
            String childId = child.id().isEmpty() ? widgetId : child.id();
            return new ItemRenderContext<>(render, item, itemId, childId, templateIds);
        }
    }
}
