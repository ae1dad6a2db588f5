package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.widget.RenderContext;
import dev.tgdialog.widget.WidgetContext;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The items of a selection widget: where they come from, their stable ids and their labels. Immutable and
 * thread-safe when its functions are.
 *
 * <p>Items from a {@link Key} are usually a getter's value, and getters run only for a render, not before a click
 * (an SPI gap). So a keyed widget keeps the list it rendered in its own state and, on a click that finds no value
 * under the key, checks the click against that list: the items the user saw.
 */
final class Items<T> {
    /** Telegram shows at most 8 buttons in a row. */
    static final int MAX_WIDTH = 8;

    private final String widgetId;
    private final Function<DialogContext, List<T>> source;
    private final Function<T, String> itemId;
    private final Function<T, String> label;
    private final @Nullable Key<List<T>> shown;

    Items(String widgetId, Source<T> source, Function<T, String> itemId, Function<T, String> label) {
        this.widgetId = Objects.requireNonNull(widgetId, "id");
        this.source = Objects.requireNonNull(source, "items").items();
        this.shown = source.shown();
        this.itemId = Objects.requireNonNull(itemId, "itemId");
        this.label = Objects.requireNonNull(label, "label");
    }

    Items(String widgetId, Function<DialogContext, List<T>> source, Function<T, String> itemId,
            Function<T, String> label) {
        this(widgetId, new Source<>(source, null), itemId, label);
    }

    /** Where items come from, and the state key a keyed source keeps the rendered list under. */
    record Source<T>(Function<DialogContext, List<T>> items, @Nullable Key<List<T>> shown) {
        Source {
            Objects.requireNonNull(items, "items");
        }
    }

    static <T> Source<T> fromKey(Key<List<T>> key) {
        Objects.requireNonNull(key, "items");
        return new Source<>(ctx -> ctx.get(key, List.of()), shownKey(key));
    }

    @SuppressWarnings("unchecked")
    private static <T> Key<List<T>> shownKey(Key<List<T>> key) {
        if (key.type() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element) {
            return Key.listOf("items.shown", (Class<T>) element);
        }
        return key;
    }

    static <T> Source<T> constant(List<T> items) {
        List<T> copy = List.copyOf(items);
        return new Source<>(ctx -> copy, null);
    }

    static <T> Source<T> of(Function<DialogContext, List<T>> items) {
        return new Source<>(items, null);
    }

    /** The items to render now; a keyed source also keeps them in the widget's state for the clicks to come. */
    List<T> render(RenderContext ctx) {
        List<T> items = load(ctx, false);
        if (shown != null) {
            ctx.setState(shown, items.isEmpty() ? null : List.copyOf(items));
        }
        return items;
    }

    /** The current items; fails when two share an id, since a click could not tell them apart. */
    List<T> current(DialogContext ctx) {
        return load(ctx, true);
    }

    private List<T> load(DialogContext ctx, boolean orShown) {
        List<T> items = source.apply(ctx);
        if (orShown && (items == null || items.isEmpty()) && shown != null
                && ctx instanceof WidgetContext own && own.widgetId().equals(widgetId)) {
            items = own.state(shown);
        }
        if (items == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            if (!seen.add(id(item))) {
                throw new IllegalStateException("widget " + widgetId + ": two items have the id \"" + id(item)
                        + "\"; item ids must be unique");
            }
        }
        return items;
    }

    /** The current item with this id, if there is one. */
    Optional<T> find(DialogContext ctx, String id) {
        for (T item : current(ctx)) {
            if (id(item).equals(id)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    String id(T item) {
        return Objects.requireNonNull(itemId.apply(item), () -> "widget " + widgetId + ": item id of " + item);
    }

    String label(T item) {
        return Objects.requireNonNull(label.apply(item), () -> "widget " + widgetId + ": label of " + item);
    }

    static int checkWidth(int width) {
        if (width < 1 || width > MAX_WIDTH) {
            throw new IllegalArgumentException("a row holds 1-" + MAX_WIDTH + " buttons, was " + width);
        }
        return width;
    }

    /** Flows buttons into rows of at most {@code width}. */
    static List<List<InlineKeyboardButton>> rows(List<InlineKeyboardButton> buttons, int width) {
        List<List<InlineKeyboardButton>> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i += width) {
            rows.add(List.copyOf(buttons.subList(i, Math.min(buttons.size(), i + width))));
        }
        return rows;
    }

    /** Fills {@code {label}} in a label format. */
    static String format(String format, String label) {
        return format.replace("{label}", label);
    }
}
