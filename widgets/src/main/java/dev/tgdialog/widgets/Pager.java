package dev.tgdialog.widgets;

import dev.tgdialog.Transition;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.widget.KeyboardWidget;
import dev.tgdialog.widget.RenderContext;
import dev.tgdialog.widget.WidgetContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Buttons that turn the page of a {@link Scrollable}. Three styles: previous/next around "page/pages"
 * ({@link #prevNext}), first/previous/current/next/last ({@link #full}), and page numbers in a sliding window
 * ({@link #numbered}). Buttons that make no sense at the ends are not shown; a single page shows no pager.
 *
 * <p>Payloads: the page number to go to ({@code 0}…{@code pages-1}). A page outside the range is refused. Keeps no
 * state of its own: it sets the target's {@link Scrollable#PAGE}.
 */
public final class Pager implements KeyboardWidget {
    private enum Style { PREV_NEXT, FULL, NUMBERED }

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
     * This pager with previous/next shown on the first and last page too (a click there changes nothing), for a
     * keyboard whose shape should not change from page to page.
     */
    public Pager keepingEnds() {
        return new Pager(id, target, style, window, true);
    }

    /** {@code «  2/6  »}. */
    public static Pager prevNext(String id, Scrollable target) {
        return new Pager(id, target, Style.PREV_NEXT, 0, false);
    }

    /** {@code «« « 2/6 » »»}. */
    public static Pager full(String id, Scrollable target) {
        return new Pager(id, target, Style.FULL, 0, false);
    }

    /** Page numbers, at most {@code window} of them around the current one, which is marked {@code ·3·}. */
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
