package dev.tgdialog.widgets;

import dev.tgdialog.Transition;
import dev.tgdialog.spi.WidgetContext;

/**
 * Reacts to a widget's value changing after a click ({@link Radio}, {@link Toggle}, {@link Checkbox},
 * {@link Counter}). It runs after the widget stored the new value; a {@link Transition#reject} undoes the change.
 *
 * @param <V> the value type
 */
@FunctionalInterface
public interface ChangeHandler<V> {

    /** Handles the new value; never returns null (use {@link Transition#stay()}). */
    Transition onChange(WidgetContext ctx, V value) throws Exception;

    /** A handler that only keeps the new value. */
    static <V> ChangeHandler<V> stay() {
        return (ctx, value) -> Transition.stay();
    }
}
