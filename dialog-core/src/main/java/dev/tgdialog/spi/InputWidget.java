package dev.tgdialog.spi;

import dev.tgdialog.Transition;
import dev.tgdialog.telegram.types.Message;
import org.jspecify.annotations.Nullable;

/**
 * Takes messages the user sends while its window shows (text, photos, contacts, …). The window's input widgets are
 * asked in order; the first that returns a transition takes the message.
 */
public interface InputWidget extends Widget {

    /** Handles the message, or returns null to leave it to the next input widget. */
    @Nullable
    Transition onMessage(WidgetContext ctx, Message message) throws Exception;
}
