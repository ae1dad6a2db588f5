package dev.tgdialog.widgets;

import dev.tgdialog.Transition;
import dev.tgdialog.spi.InputWidget;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.Message;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Takes messages of the given content types (a photo, a contact, a location, …) and leaves the others to the next
 * input. Keeps no state.
 */
public final class MessageInput implements InputWidget {
    /** What a message carries. */
    public enum ContentType {
        TEXT,
        PHOTO,
        VIDEO,
        ANIMATION,
        AUDIO,
        VOICE,
        VIDEO_NOTE,
        DOCUMENT,
        STICKER,
        CONTACT,
        LOCATION,
        VENUE,
        POLL,
        DICE,
        USERS_SHARED,
        CHAT_SHARED,
        WEB_APP_DATA,
        OTHER;

        /** The content type of a message. */
        public static ContentType of(Message m) {
            if (m.text() != null) {
                return TEXT;
            } else if (m.photo() != null) {
                return PHOTO;
            } else if (m.video() != null) {
                return VIDEO;
            } else if (m.animation() != null) {
                return ANIMATION;
            } else if (m.audio() != null) {
                return AUDIO;
            } else if (m.voice() != null) {
                return VOICE;
            } else if (m.videoNote() != null) {
                return VIDEO_NOTE;
            } else if (m.document() != null) {
                return DOCUMENT;
            } else if (m.sticker() != null) {
                return STICKER;
            } else if (m.contact() != null) {
                return CONTACT;
            } else if (m.venue() != null) {
                return VENUE;
            } else if (m.location() != null) {
                return LOCATION;
            } else if (m.poll() != null) {
                return POLL;
            } else if (m.dice() != null) {
                return DICE;
            } else if (m.usersShared() != null) {
                return USERS_SHARED;
            } else if (m.chatShared() != null) {
                return CHAT_SHARED;
            } else if (m.webAppData() != null) {
                return WEB_APP_DATA;
            }
            return OTHER;
        }
    }

    /** Handles a message the input takes. */
    @FunctionalInterface
    public interface Handler {
        Transition onMessage(WidgetContext ctx, Message message) throws Exception;
    }

    private final String id;
    private final Set<ContentType> types;
    private final Handler handler;

    private MessageInput(String id, Set<ContentType> types, Handler handler) {
        this.id = Objects.requireNonNull(id, "id");
        this.types = Set.copyOf(types);
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** Takes messages of these types. */
    public static MessageInput of(String id, Set<ContentType> types, Handler handler) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("message input " + id + " takes no content type");
        }
        return new MessageInput(id, types, handler);
    }

    /** Takes messages of one type. */
    public static MessageInput of(String id, ContentType type, Handler handler) {
        return new MessageInput(id, EnumSet.of(type), handler);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public @Nullable Transition onMessage(WidgetContext ctx, Message message) throws Exception {
        return types.contains(ContentType.of(message)) ? handler.onMessage(ctx, message) : null;
    }
}
