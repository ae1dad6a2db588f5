package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;

/**
 * A keyboard widget that shows its content a page at a time. The page it shows (from 0) is kept in its own state
 * under {@link #PAGE}, so a {@link Pager} can turn it and a getter can load just that page
 * ({@link #page(DialogContext, String)}).
 */
public interface Scrollable extends KeyboardWidget {
    /** The state key of the page shown, from 0. */
    Key<Integer> PAGE = Key.of("page", Integer.class);

    /** How many pages there are now (at least 1). */
    int pageCount(RenderContext ctx) throws Exception;

    /** The page the scrollable with this id shows, from 0. */
    static int page(DialogContext ctx, String scrollableId) {
        Integer page = ctx.widgetState(scrollableId, PAGE);
        return page == null ? 0 : page;
    }
}
