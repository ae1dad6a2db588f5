package dev.tgdialog.widgets;

import dev.tgdialog.Transition;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Buttons that turn the page of a {@link Scrollable}, in one row. Three styles: previous and next
 * ({@link #prevNext}), first/previous/current/next/last ({@link #full}), and page numbers in a sliding window
 * ({@link #numbered}). Buttons that lead nowhere at the ends are not shown; a single page shows no pager (unless
 * {@link #keepingEnds}).
 *
 * <p>Payloads: the page number to go to ({@code 0}…{@code pages-1}). A page outside the range is refused. Keeps no
 * state of its own: it sets the target's {@link Scrollable#PAGE}.
 */
public final class Pager implements KeyboardWidget {
    private enum Style {
        PREV_NEXT,
        FULL,
        NUMBERED
    }

    private final String id;
    private final Scrollable target;
    private final Style style;
    private final int window;
    private final boolean keepEnds;

    private Pager(String id, Scrollable target, Style style, int window, boolean keepEnds) {
        this.id = Objects.requireNonNull(id, "id");
        this.target = Objects.requireNonNull(target, "target");
        this.style = style;
        this.window = window;
        this.keepEnds = keepEnds;
    }

    /**
     * This pager with {@code [« Prev] [Next »]} on every page, the first, the last and a single one too (a click that
     * leads nowhere keeps the page), for a keyboard whose shape should not change from page to page. The
     * {@link #full} and {@link #numbered} styles keep their ends hidden; they only show their row for a single page
     * too ({@code [1/1]}, {@code [·1·]}).
     */
    public Pager keepingEnds() {
        return new Pager(id, target, style, window, true);
    }

    /** {@code [« Prev] [Next »]}: each button hidden on the page where it leads nowhere; no page count. */
    public static Pager prevNext(String id, Scrollable target) {
        return new Pager(id, target, Style.PREV_NEXT, 0, false);
    }

    /**
     * {@code [«] [‹] [2/3] [›] [»]}: first, previous, the current page of the count (a click keeps it), next, last;
     * first and previous hidden on the first page, next and last on the last.
     */
    public static Pager full(String id, Scrollable target) {
        return new Pager(id, target, Style.FULL, 0, false);
    }

    /**
     * Page numbers from 1, at most {@code window} (2-8) of them around the current one, which is marked:
     * {@code [2] [·3·] [4]}.
     */
    public static Pager numbered(String id, Scrollable target, int window) {
        if (window < 2 || window > 8) {
            throw new IllegalArgumentException("pager " + id + ": window must be 2-8, was " + window);
        }
        return new Pager(id, target, Style.NUMBERED, window, false);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) throws Exception {
        int pages = target.pageCount(ctx);
        return render(ctx, Math.min(Scrollable.page(ctx, target.id()), pages - 1), pages);
    }

    /** The pager's row for a known page and page count (its scrolling group has just counted them). */
    List<List<InlineKeyboardButton>> render(RenderContext ctx, int page, int pages) {
        if (pages <= 1 && !keepEnds) {
            return List.of();
        }
        List<InlineKeyboardButton> row = new ArrayList<>();
        String current = (page + 1) + "/" + pages;
        switch (style) {
            case PREV_NEXT -> {
                if (page > 0 || keepEnds) {
                    row.add(ctx.button("« Prev", Integer.toString(Math.max(0, page - 1))));
                }
                if (page < pages - 1 || keepEnds) {
                    row.add(ctx.button("Next »", Integer.toString(Math.min(pages - 1, page + 1))));
                }
            }
            case FULL -> {
                if (page > 0) {
                    row.add(ctx.button("«", "0"));
                    row.add(ctx.button("‹", Integer.toString(page - 1)));
                }
                row.add(ctx.button(current, Integer.toString(page)));
                if (page < pages - 1) {
                    row.add(ctx.button("›", Integer.toString(page + 1)));
                    row.add(ctx.button("»", Integer.toString(pages - 1)));
                }
            }
            case NUMBERED -> {
                int first = Math.max(0, Math.min(page - window / 2, pages - window));
                int last = Math.min(pages, first + window);
                for (int p = first; p < last; p++) {
                    row.add(ctx.button(p == page ? "·" + (p + 1) + "·" : Integer.toString(p + 1), Integer.toString(p)));
                }
            }
        }
        return List.of(row);
    }

    @Override
    public Transition onClick(WidgetContext ctx, String payload) throws Exception {
        int page;
        try {
            page = Integer.parseInt(payload);
        } catch (NumberFormatException e) {
            return Transition.reject("There is no such page");
        }
        if (!(ctx instanceof RenderContext render)) {
            ctx.setWidgetState(target.id(), Scrollable.PAGE, Math.max(0, page));
            return Transition.stay();
        }
        if (page < 0 || page >= target.pageCount(render)) {
            return Transition.reject("There is no such page");
        }
        ctx.setWidgetState(target.id(), Scrollable.PAGE, page);
        return Transition.stay();
    }
}
