package dev.tgdialog.widget;

import dev.tgdialog.Transition;
import dev.tgdialog.telegram.types.Message;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The basic input widgets: text typed by the user, or any message. (The widget catalogue has typed inputs with
 * parsers and inputs by content type.)
 */
public final class Input {
    private Input() {}

    /** Handles text the user types. */
    @FunctionalInterface
    public interface TextHandler {
        Transition onText(WidgetContext ctx, String text) throws Exception;
    }

    /** Handles a message of any kind. */
    @FunctionalInterface
    public interface MessageHandler {
        Transition onMessage(WidgetContext ctx, Message message) throws Exception;
    }

    /** Takes text messages (not commands); other messages are left to the next input. */
    public static InputWidget text(String id, TextHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return new Of(id, (ctx, message) -> message.text() == null || message.text().startsWith("/")
                ? null : handler.onText(ctx, message.text()));
    }

    /** Takes every message. */
    public static InputWidget any(String id, MessageHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return new Of(id, handler::onMessage);
    }

    private interface Body {
        @Nullable Transition apply(WidgetContext ctx, Message message) throws Exception;
    }

    private record Of(String id, Body body) implements InputWidget {
        private Of {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public @Nullable Transition onMessage(WidgetContext ctx, Message message) throws Exception {
            return body.apply(ctx, message);
        }
    }
}
