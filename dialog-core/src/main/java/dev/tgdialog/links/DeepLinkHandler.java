package dev.tgdialog.links;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Transition;

/**
 * Handles {@code /start <payload>} for one kind of {@link DeepLink}, with the value the payload carried (already
 * decoded and, for a signed codec, verified).
 *
 * @param <T> the value the link carries
 */
@FunctionalInterface
public interface DeepLinkHandler<T> {

    /** Handles the opened link, inside a dialog or not, as a command handler would. */
    Transition handle(DialogContext ctx, T value) throws Exception;
}
