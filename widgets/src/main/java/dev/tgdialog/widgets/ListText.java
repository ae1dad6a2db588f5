package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.RichText;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.TextWidget;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One line per item of a list (typically a getter's value), made by a line formatter; optionally only one page of
 * them. Paged, it shows the items of the page a {@code Key<Integer>} holds (0 first; a getter's value or the
 * dialog's data, such as the page a pager keeps there), held within the pages there are. With no items it shows the
 * empty text ({@code ""}, left out, by default). The default line is the item's {@link String#valueOf}, escaped for
 * the window's parse mode so that it shows as it is; a line of the author's is markup of that mode, whose values are
 * its own to escape (with {@link dev.tgdialog.RichText#escape}). Keeps no state; immutable and thread-safe when its
 * functions are.
 *
 * <pre>{@code
 * ListText.builder(ORDERS).line((order, n) -> n + ". " + order.title()).pageSize(10).page(PAGE).build()
 * }</pre>
 *
 * @param <T> the item type
 */
public final class ListText<T> implements TextWidget {

    /** Makes an item's line. */
    @FunctionalInterface
    public interface Line<T> {
        /** The line of {@code item}, the {@code number}th of the whole list (from 1). */
        String format(T item, int number);
    }

    private final Function<DialogContext, @Nullable List<T>> items;
    /** Null for the default line, which is escaped for the window's parse mode. */
    private final @Nullable Line<T> line;

    private final String separator;
    private final int pageSize;
    private final @Nullable Key<Integer> page;
    private final String empty;

    private ListText(Builder<T> b) {
        this.items = b.items;
        this.line = b.line;
        this.separator = b.separator;
        this.pageSize = b.pageSize;
        this.page = b.page;
        this.empty = b.empty;
        if ((pageSize > 0) != (page != null)) {
            throw new IllegalArgumentException("a paged list text needs both pageSize and page, had "
                    + (page == null ? "only pageSize" : "only page"));
        }
    }

    /** One line per item of the list under {@code items}, made by {@code line}, all of them. */
    public static <T> ListText<T> of(Key<List<T>> items, Function<T, String> line) {
        return builder(items).line(line).build();
    }

    /** A list text of the items {@code items} returns. */
    public static <T> Builder<T> builder(Function<DialogContext, @Nullable List<T>> items) {
        return new Builder<>(items);
    }

    /** A list text of the list a getter provides (or the dialog's data holds) under {@code items}. */
    public static <T> Builder<T> builder(Key<List<T>> items) {
        Objects.requireNonNull(items, "items");
        return new Builder<>(ctx -> ctx.get(items));
    }

    /** How many pages the items of this context fill (at least 1). */
    public int pages(DialogContext ctx) {
        return pages(all(ctx).size());
    }

    @Override
    public String render(RenderContext ctx) {
        List<T> all = all(ctx);
        if (all.isEmpty()) {
            return empty;
        }
        int from = 0;
        int to = all.size();
        if (page != null) {
            int at = Math.max(0, Math.min(pages(all.size()) - 1, ctx.get(page, 0)));
            from = at * pageSize;
            to = Math.min(all.size(), from + pageSize);
        }
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.append(separator);
            }
            T item = all.get(i);
            out.append(line != null ? line.format(item, i + 1) : RichText.escape(item, ctx.parseMode()));
        }
        return out.toString();
    }

    private List<T> all(DialogContext ctx) {
        List<T> all = items.apply(ctx);
        return all == null ? List.of() : all;
    }

    private int pages(int count) {
        return page == null || count == 0 ? 1 : (count + pageSize - 1) / pageSize;
    }

    /** Builds a {@link ListText}. Not thread-safe; the text it builds is. */
    public static final class Builder<T> {
        private final Function<DialogContext, @Nullable List<T>> items;
        private @Nullable Line<T> line;
        private String separator = "\n";
        private int pageSize;
        private @Nullable Key<Integer> page;
        private String empty = "";

        private Builder(Function<DialogContext, @Nullable List<T>> items) {
            this.items = Objects.requireNonNull(items, "items");
        }

        /**
         * An item's line, markup of the window's parse mode; by default the item's {@link String#valueOf}, escaped
         * for it.
         */
        public Builder<T> line(Function<T, String> line) {
            Objects.requireNonNull(line, "line");
            this.line = (item, number) -> line.apply(item);
            return this;
        }

        /** An item's line, knowing its number in the whole list (from 1). */
        public Builder<T> line(Line<T> line) {
            this.line = Objects.requireNonNull(line, "line");
            return this;
        }

        /** What goes between two lines; a new line by default. */
        public Builder<T> separator(String separator) {
            this.separator = Objects.requireNonNull(separator, "separator");
            return this;
        }

        /** Shows {@code size} items a page; give {@link #page} too. */
        public Builder<T> pageSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("a page holds at least 1 item, was " + size);
            }
            this.pageSize = size;
            return this;
        }

        /** The key whose value is the page to show, 0 first (0 when it has none). */
        public Builder<T> page(Key<Integer> page) {
            this.page = Objects.requireNonNull(page, "page");
            return this;
        }

        /** The text when there are no items; {@code ""} (left out) by default. */
        public Builder<T> empty(String text) {
            this.empty = Objects.requireNonNull(text, "text");
            return this;
        }

        public ListText<T> build() {
            return new ListText<>(this);
        }
    }
}
