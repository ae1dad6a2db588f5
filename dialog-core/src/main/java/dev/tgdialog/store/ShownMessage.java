package dev.tgdialog.store;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The message a stack last showed its top window in, so the next render can edit it, or skip an identical render.
 *
 * @param messageId the message's id in the chat
 * @param kind what the message is: {@code text}, or a media kind such as {@code photo}
 * @param renderHash a hash of everything rendered into it (text, keyboard, media)
 * @param album the album (media group) shown just above the message as part of the same window, or null
 */
public record ShownMessage(
        long messageId,
        String kind,
        String renderHash,
        @Nullable Album album) {

    public ShownMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(renderHash, "renderHash");
    }

    /** A message that shows a window alone, with no album above it. */
    public ShownMessage(long messageId, String kind, String renderHash) {
        this(messageId, kind, renderHash, null);
    }

    /** This message under another id (the real one of a message sent late), its album kept. */
    public ShownMessage withId(long messageId) {
        return new ShownMessage(messageId, kind, renderHash, album);
    }

    /** This message, said to show another render (closed, unknown), its album kept. */
    public ShownMessage withHash(String renderHash) {
        return new ShownMessage(messageId, kind, renderHash, album);
    }

    /**
     * The messages of an album a window sent above its own message: Telegram cannot edit how many items an album
     * has, so the window replaces them all together.
     *
     * @param messageIds the album's messages, in order
     * @param mediaHash a hash of the album's files, telling whether a new render shows the same album
     */
    public record Album(List<Long> messageIds, String mediaHash) {
        public Album {
            messageIds = List.copyOf(messageIds);
            Objects.requireNonNull(mediaHash, "mediaHash");
            if (messageIds.isEmpty()) {
                throw new IllegalArgumentException("an album has messages");
            }
        }
    }
}
