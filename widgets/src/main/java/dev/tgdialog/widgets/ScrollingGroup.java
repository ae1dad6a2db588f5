package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Transition;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.Widget;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Shows the buttons of its widgets in pages of {@code height} rows of {@code width} buttons. The page is kept in
 * its state ({@link Scrollable#PAGE}); turn it with a {@link Pager} (or the built-in one, {@link Builder#pager}).
 *
 * <p>Lazy mode ({@link Builder#lazy}): the widgets render only the current page's items (a getter loads them with
 * {@code offset = page × pageSize}, {@code limit = pageSize}, see {@link #offset(DialogContext)}) and a function
 * reports the total, so a list of 10,000 rows costs one page of work per render.
 *
 * <p>Renders no callbacks of its own but its built-in pager's ({@code p<page>}); a page past the end is clamped.
 */
public final class ScrollingGroup implements Scrollable {
    private final String id;
    private final int width;
    private final int height;
    private final List<KeyboardWidget> widgets;
    private final @Nullable ToIntFunction<DialogContext> total;
    private final @Nullable Pager pager;

    private ScrollingGroup(Builder b) {
        this.id = b.id;
        this.width = b.width;
        this.height = b.height;
        this.widgets = List.copyOf(b.widgets);
        this.total = b.total;
        this.pager = b.pagerStyle == null ? null : b.pagerStyle.create(id + "_p", this);
    }

    /** Starts a scrolling group with this widget id. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    @Override
    public String id() {
        return id;
    }

    /** Buttons per page. */
    public int pageSize() {
        return width * height;
    }

    /** The first item of the current page, for a lazy getter: page × page size. */
    public int offset(DialogContext ctx) {
        return Scrollable.page(ctx, id) * pageSize();
    }

    @Override
    public int pageCount(RenderContext ctx) throws Exception {
        int items;
        if (total != null) {
            items = total.applyAsInt(ctx);
        } else if (widgets.stream().allMatch(w -> w instanceof Sized)) {
            items = 0;
            for (KeyboardWidget widget : widgets) {
                items += ((Sized) widget).buttonCount(ctx);
            }
        } else {
            items = allButtons(ctx).size();
        }
        return Math.max(1, (items + pageSize() - 1) / pageSize());
    }

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) throws Exception {
        int pages;
        int page;
        List<InlineKeyboardButton> shown;
        if (total == null && widgets.stream().allMatch(w -> w instanceof Sized)) {
            // Ask each child only for the buttons of the page shown (a list of 300 renders 5 buttons, not 300).
            int[] counts = new int[widgets.size()];
            int items = 0;
            for (int i = 0; i < counts.length; i++) {
                counts[i] = ((Sized) widgets.get(i)).buttonCount(ctx);
                items += counts[i];
            }
            pages = Math.max(1, (items + pageSize() - 1) / pageSize());
            page = Math.min(Scrollable.page(ctx, id), pages - 1);
            int from = page * pageSize();
            int to = from + pageSize();
            shown = new ArrayList<>(pageSize());
            int start = 0;
            for (int i = 0; i < counts.length && start < to; i++) {
                int end = start + counts[i];
                if (end > from) {
                    Sized child = (Sized) widgets.get(i);
                    shown.addAll(child.renderRange(
                            ctx.forChild(child), Math.max(0, from - start), Math.min(counts[i], to - start)));
                }
                start = end;
            }
        } else {
            List<InlineKeyboardButton> all = allButtons(ctx);
            pages = total != null
                    ? Math.max(1, (total.applyAsInt(ctx) + pageSize() - 1) / pageSize())
                    : Math.max(1, (all.size() + pageSize() - 1) / pageSize());
            page = Math.min(Scrollable.page(ctx, id), pages - 1);
            shown = total != null
                    ? all
                    : all.subList(
                            Math.min(all.size(), page * pageSize()), Math.min(all.size(), (page + 1) * pageSize()));
        }
        List<List<InlineKeyboardButton>> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i += width) {
            rows.add(List.copyOf(shown.subList(i, Math.min(shown.size(), i + width))));
        }
        if (pager != null) {
            rows.addAll(pager.render(ctx.forChild(pager), page, pages));
        }
        return rows;
    }

    private List<InlineKeyboardButton> allButtons(RenderContext ctx) throws Exception {
        List<InlineKeyboardButton> all = new ArrayList<>();
        for (KeyboardWidget widget : widgets) {
            ctx.render(widget).forEach(all::addAll);
        }
        return all;
    }

    @Override
    public Transition onClick(WidgetContext ctx, String payload) {
        return Transition.reject("This button does nothing");
    }

    @Override
    public List<? extends Widget> children() {
        List<Widget> children = new ArrayList<>(widgets);
        if (pager != null) {
            children.add(pager);
        }
        return children;
    }

    /** Which pager a scrolling group shows under its buttons. */
    public enum PagerStyle {
        /** « Prev and Next », each hidden on the page where it makes no sense. */
        PREV_NEXT,
        /** « Prev and Next » on every page (a click at an end changes nothing). */
        PREV_NEXT_KEEP_ENDS,
        /** First, previous, current, next, last. */
        FULL;

        Pager create(String id, Scrollable target) {
            return switch (this) {
                case PREV_NEXT -> Pager.prevNext(id, target);
                case PREV_NEXT_KEEP_ENDS -> Pager.prevNext(id, target).keepingEnds();
                case FULL -> Pager.full(id, target);
            };
        }
    }

    /** Settings of a {@link ScrollingGroup}. */
    public static final class Builder {
        private final String id;
        private int width = 1;
        private int height = 5;
        private final List<KeyboardWidget> widgets = new ArrayList<>();
        private @Nullable ToIntFunction<DialogContext> total;
        private @Nullable PagerStyle pagerStyle = PagerStyle.PREV_NEXT;

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        /** Buttons per row, 1-8; 1 by default. */
        public Builder width(int width) {
            if (width < 1 || width > 8) {
                throw new IllegalArgumentException("scrolling group " + id + ": width must be 1-8, was " + width);
            }
            this.width = width;
            return this;
        }

        /** Rows per page; 5 by default. */
        public Builder height(int height) {
            if (height < 1 || height > 20) {
                throw new IllegalArgumentException("scrolling group " + id + ": height must be 1-20, was " + height);
            }
            this.height = height;
            return this;
        }

        /** Adds a widget whose buttons scroll. */
        public Builder add(KeyboardWidget widget) {
            widgets.add(Objects.requireNonNull(widget, "widget"));
            return this;
        }

        /** Lazy mode: the widgets render only the current page; this reports how many items there are in all. */
        public Builder lazy(ToIntFunction<DialogContext> total) {
            this.total = Objects.requireNonNull(total, "total");
            return this;
        }

        /** The built-in pager's style, or null for none (attach a {@link Pager} yourself). */
        public Builder pager(@Nullable PagerStyle style) {
            this.pagerStyle = style;
            return this;
        }

        public ScrollingGroup build() {
            if (widgets.isEmpty()) {
                throw new IllegalArgumentException("scrolling group " + id + " has no widgets");
            }
            return new ScrollingGroup(this);
        }
    }
}
