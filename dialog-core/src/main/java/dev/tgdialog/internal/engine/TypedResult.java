package dev.tgdialog.internal.engine;

import dev.tgdialog.DialogContext;
import dev.tgdialog.ResultHandler;
import dev.tgdialog.Transition;
import org.jspecify.annotations.Nullable;

/**
 * A result handler with the type it expects; a result of another type is a programming error reported to the bot's
 * error handlers.
 *
 * @param type the result's class
 * @param handler the handler
 * @param <R> the result's type
 */
public record TypedResult<R>(Class<R> type, ResultHandler<R> handler) {
    /** Casts and hands the result to the handler. */
    Transition deliver(DialogContext ctx, @Nullable Object result) throws Exception {
        if (result != null && !type.isInstance(result)) {
            throw new ClassCastException("a result handler for " + type.getName() + " got a "
                    + result.getClass().getName());
        }
        return handler.onResult(ctx, type.cast(result));
    }
}
