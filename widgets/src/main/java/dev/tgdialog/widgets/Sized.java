package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.ArrayList;
import java.util.List;

/**
 * A keyboard widget that can tell how many buttons it would render without rendering them, so a
 * {@link ScrollingGroup} counts its pages cheaply (a pager asks on every click).
 */
public interface Sized extends KeyboardWidget {

    /** How many buttons {@link #render} would make now. */
    int buttonCount(DialogContext ctx) throws Exception;

    /**
     * Buttons {@code from} (inclusive) to {@code to} (exclusive) of those {@link #render} would make, in reading
     * order, so a scrolling group makes only the page it shows. By default renders all and keeps the range.
     */
    default List<InlineKeyboardButton> renderRange(RenderContext ctx, int from, int to) throws Exception {
        List<InlineKeyboardButton> all = new ArrayList<>();
        render(ctx).forEach(all::addAll);
        return List.copyOf(all.subList(Math.min(from, all.size()), Math.min(to, all.size())));
    }
}
