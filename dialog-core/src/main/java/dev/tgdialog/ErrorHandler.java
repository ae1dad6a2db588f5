package dev.tgdialog;

/**
 * Handles an exception an author's handler threw. The stack stays as it was before the update, and a click is
 * still answered.
 *
 * @param <E> the exception type it handles
 */
@FunctionalInterface
public interface ErrorHandler<E extends Throwable> {

    /** Reacts to the error, for example by telling the user; exceptions thrown here are logged. */
    void handle(DialogContext ctx, E error) throws Exception;
}
