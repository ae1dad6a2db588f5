package dev.tgdialog.widgets;

import dev.tgdialog.Transition;
import dev.tgdialog.widget.WidgetContext;

/**
 * Handles a click on one item of a selection widget ({@link Select}), or on a {@link Counter}'s value.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface ItemHandler<T> {

    /** Handles the click on {@code item}, one of the current items; never returns null. */
    Transition onClick(WidgetContext ctx, T item) throws Exception;
}
