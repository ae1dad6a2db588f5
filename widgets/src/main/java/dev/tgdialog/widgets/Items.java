package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The items of a selection widget: where they come from, their stable ids and their labels (the rules are in the
 * package's "Item sources"). Immutable and thread-safe when its functions are.
 */
final class Items<T> {
    /** Telegram shows at most 8 buttons in a row. */
    static final int MAX_WIDTH = 8;

    private final String widgetId;
    private final Function<DialogContext, List<T>> source;
    private final Function<T, String> itemId;
    private final Function<T, String> label;
    /**
     * The last unmodifiable list found free of duplicate ids: the same list again needs no second look (a getter
     * of constant items returns the same list on every click and render). A list that can change is checked each time.
     */
    private volatile @Nullable List<T> checked;

    /** The JDK's unmodifiable lists ({@code List.of}, {@code List.copyOf}, {@code Stream.toList}). */
    private static final Set<Class<?>> UNMODIFIABLE = Set.copyOf(List.of(
            List.of().getClass(), List.of(1).getClass(), List.of(1, 2, 3).getClass()));

    Items(String widgetId, Source<T> source, Function<T, String> itemId, Function<T, String> label) {
        this.widgetId = Objects.requireNonNull(widgetId, "id");
        this.source = Objects.requireNonNull(source, "items").items();
        this.itemId = Objects.requireNonNull(itemId, "itemId");
        this.label = Objects.requireNonNull(label, "label");
    }

    Items(
            String widgetId,
            Function<DialogContext, List<T>> source,
            Function<T, String> itemId,
            Function<T, String> label) {
        this(widgetId, new Source<>(source), itemId, label);
    }

    /** Where items come from. */
    record Source<T>(Function<DialogContext, List<T>> items) {
        Source {
            Objects.requireNonNull(items, "items");
        }
    }

    static <T> Source<T> constant(List<T> items) {
        List<T> copy = List.copyOf(items);
        return new Source<>(ctx -> copy);
    }

    static <T> Source<T> of(Function<DialogContext, List<T>> items) {
        return new Source<>(items);
    }

    /** The items to render now. */
    List<T> render(RenderContext ctx) {
        return current(ctx);
    }

    /** The current items; fails when two share an id, since a click could not tell them apart. */
    List<T> current(DialogContext ctx) {
        List<T> items = source.apply(ctx);
        if (items == null) {
            return List.of();
        }
        if (items == checked) {
            return items;
        }
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            if (!seen.add(id(item))) {
                throw new IllegalStateException(
                        "widget " + widgetId + ": two items have the id \"" + id(item) + "\"; item ids must be unique");
            }
        }
        if (UNMODIFIABLE.contains(items.getClass())) {
            checked = items;
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
