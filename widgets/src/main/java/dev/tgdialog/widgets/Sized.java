package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.widget.KeyboardWidget;

/**
 * A keyboard widget that can tell how many buttons it would render without rendering them, so a
 * {@link ScrollingGroup} counts its pages cheaply (a pager asks on every click).
 */
public interface Sized extends KeyboardWidget {

    /** How many buttons {@link #render} would make now. */
    int buttonCount(DialogContext ctx) throws Exception;
}
