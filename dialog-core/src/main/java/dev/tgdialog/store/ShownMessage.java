package dev.tgdialog.store;

import java.util.Objects;

/**
 * The message a stack last showed its top window in, so the next render can edit it, or skip an identical render.
 *
 * @param messageId the message's id in the chat
 * @param kind what the message is: {@code text}, or a media kind such as {@code photo}
 * @param renderHash a hash of everything rendered into it (text, keyboard, media)
 */
public record ShownMessage(long messageId, String kind, String renderHash) {

    public ShownMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(renderHash, "renderHash");
    }
}
