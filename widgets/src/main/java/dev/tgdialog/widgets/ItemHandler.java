package dev.tgdialog.widgets;

import dev.tgdialog.Transition;
import dev.tgdialog.spi.WidgetContext;

/**
 * Handles a click on one item of a selection widget ({@link Select}), on a {@link Counter}'s value, or the value a
 * picker ({@link DatePicker}, {@link TimePicker}) picked.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface ItemHandler<T> {

    /** Handles the click on {@code item}, one of the current items; never returns null. */
    Transition onClick(WidgetContext ctx, T item) throws Exception;
}
