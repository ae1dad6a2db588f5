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

    /**
     * Handles an album the user sent (2 to 10 messages sharing a {@code media_group_id}, gathered into one list in the
     * order sent), or returns null to leave it to the next input widget; by default, leaves it. When no input widget
     * takes an album, its first message goes to {@link #onMessage} as a message of its own.
     */
    default @Nullable Transition onAlbum(WidgetContext ctx, java.util.List<Message> album) throws Exception {
        return null;
    }
}
