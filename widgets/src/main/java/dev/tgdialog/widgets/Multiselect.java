package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.Transition;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.WidgetContext;
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
 * One button per item, any number of them checked within {@code min}..{@code max}; a click checks or unchecks its
 * item.
 *
 * <p>Renders each item's label through the checked format ({@code "✓ {label}"} by default) or the unchecked one
 * ({@code "{label}"}), {@code width} to a row. A button's payload is {@code +<itemId>} (check) or {@code -<itemId>}
 * (uncheck), so a repeated click on an old keyboard does not undo the first one: checking a checked item changes
 * nothing. Refused with a toast: an item not among the current items, a check beyond {@code max}, an uncheck below
 * {@code min}, a malformed payload. Keeps the checked ids in its state ({@code checked}, in the order they were
 * checked; ids of items that left the list stay checked and count), and, with {@link Builder#into}, mirrors them into
 * the dialog's data. Immutable and thread-safe when its functions are.
 *
 * @param <T> the item type
 */
public final class Multiselect<T> extends ItemWidget.Checks<T, Multiselect.CheckHandler<T>, List<String>> {
    private static final String CHECK = "+";
    private static final String UNCHECK = "-";

    /** Reacts to an item being checked or unchecked. */
    @FunctionalInterface
    public interface CheckHandler<T> {
        /** Handles the change; the widget's state already holds it. Never returns null. */
        Transition onCheck(WidgetContext ctx, T item, boolean checked) throws Exception;
    }

    private final int min;
    private final int max;
    private final String tooManyToast;
    private final String tooFewToast;

    private Multiselect(Builder<T> b) {
        super(b, Key.listOf("checked", String.class), "multiselect");
        if (b.min < 0 || b.max < 1 || b.min > b.max) {
            throw new IllegalArgumentException("multiselect " + b.id + ": needs 0 <= min <= max and max >= 1, was min "
                    + b.min + ", max " + b.max);
        }
        this.min = b.min;
        this.max = b.max;
        this.tooManyToast = b.tooManyToast != null ? b.tooManyToast : "You can pick at most " + b.max;
        this.tooFewToast = b.tooFewToast != null ? b.tooFewToast : "Pick at least " + b.min;
    }

    /** A multiselect of constant items, each its own id and label ({@link String#valueOf}), one to a row. */
    public static <T> Multiselect<T> of(String id, List<T> items) {
        return new Builder<>(id, Items.constant(items)).build();
    }

    /** A multiselect of the items {@code items} returns ({@linkplain dev.tgdialog.widgets item sources}). */
    public static <T> Builder<T> builder(String id, Function<DialogContext, List<T>> items) {
        return new Builder<>(id, Items.of(items));
    }

    /**
     * The ids of the checked items, in the order they were checked. Readable in this widget's own handlers and
     * render, and anywhere when it mirrors {@link Builder#into into} a key.
     */
    public List<String> checkedIds(DialogContext ctx) {
        @Nullable List<String> ids = value(ctx);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    /**
     * The checked items that are among the current items, in the items' order; readable where {@link #checkedIds}
     * is (items from a getter too: the window's getters run for any handler that asks for a value).
     */
    public List<T> checked(DialogContext ctx) {
        Set<String> ids = new HashSet<>(checkedIds(ctx));
        return items.current(ctx).stream()
                .filter(item -> ids.contains(items.id(item)))
                .toList();
    }

    /** Whether the item with this id is checked (see {@link #checkedIds}). */
    public boolean isChecked(DialogContext ctx, String itemId) {
        return checkedIds(ctx).contains(itemId);
    }

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) {
        Set<String> checked = new HashSet<>(storedIds(ctx));
        return buttons(ctx, checked::contains, (itemId, on) -> (on ? UNCHECK : CHECK) + itemId);
    }

    @Override
    public Transition onClick(WidgetContext ctx, String payload) throws Exception {
        boolean check = payload.startsWith(CHECK);
        if (!check && !payload.startsWith(UNCHECK)) {
            return Transition.reject(staleToast);
        }
        String itemId = payload.substring(1);
        Optional<T> item = items.find(ctx, itemId);
        if (item.isEmpty()) {
            return Transition.reject(staleToast);
        }
        List<String> checked = new ArrayList<>(storedIds(ctx));
        if (checked.contains(itemId) == check) {
            return Transition.stay();
        }
        if (check ? checked.size() >= max : checked.size() <= min) {
            return Transition.reject(check ? tooManyToast : tooFewToast);
        }
        if (check) {
            checked.add(itemId);
        } else {
            checked.remove(itemId);
        }
        @Nullable List<String> now = checked.isEmpty() ? null : List.copyOf(checked);
        return change(ctx, now, () -> onChange.onCheck(ctx, item.get(), check));
    }

    private List<String> storedIds(WidgetContext ctx) {
        @Nullable List<String> ids = stored(ctx);
        return ids == null ? List.of() : ids;
    }

    /**
     * Builds a {@link Multiselect}; its formats are {@code "✓ {label}"} and {@code "{label}"} by default. Not
     * thread-safe; the multiselect it builds is.
     */
    public static final class Builder<T> extends ItemsBuilder.Checks<T, Builder<T>, CheckHandler<T>, List<String>> {
        private int min = 0;
        private int max = Integer.MAX_VALUE;
        private @Nullable String tooManyToast;
        private @Nullable String tooFewToast;

        private Builder(String id, Items.Source<T> items) {
            super(id, items, (ctx, item, checked) -> Transition.stay(), "✓ {label}", "{label}");
        }

        /** The fewest items that must stay checked: unchecking below it is refused; 0 by default. */
        public Builder<T> min(int min) {
            this.min = min;
            return this;
        }

        /** The most items that may be checked: checking beyond it is refused; unlimited by default. */
        public Builder<T> max(int max) {
            this.max = max;
            return this;
        }

        /** The toast for a check beyond {@code max}; "You can pick at most N" by default. */
        public Builder<T> tooManyToast(String toast) {
            this.tooManyToast = Objects.requireNonNull(toast, "toast");
            return this;
        }

        /** The toast for an uncheck below {@code min}; "Pick at least N" by default. */
        public Builder<T> tooFewToast(String toast) {
            this.tooFewToast = Objects.requireNonNull(toast, "toast");
            return this;
        }

        /** The multiselect; fails when min and max leave no valid count. */
        public Multiselect<T> build() {
            return new Multiselect<>(this);
        }
    }
}
