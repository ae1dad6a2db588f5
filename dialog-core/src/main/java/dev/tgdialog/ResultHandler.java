package dev.tgdialog;

import org.jspecify.annotations.Nullable;

/**
 * Receives the typed result of a child dialog in the parent dialog.
 *
 * @param <R> the result's type
 */
@FunctionalInterface
public interface ResultHandler<R> {

    /** Handles the child's result (null when it closed without one) and says what the parent does next. */
    Transition onResult(DialogContext ctx, @Nullable R result) throws Exception;
}
