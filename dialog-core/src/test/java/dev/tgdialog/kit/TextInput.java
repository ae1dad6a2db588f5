package dev.tgdialog.kit;

import dev.tgdialog.Transition;
import dev.tgdialog.spi.InputWidget;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.Message;
import org.jspecify.annotations.Nullable;

/** Takes text messages that are not commands. */
public record TextInput(String id, Handler handler) implements InputWidget {
    /** Handles the typed text. */
    @FunctionalInterface
    public interface Handler {
        Transition onValue(WidgetContext ctx, String text) throws Exception;
    }

    public static TextInput text(String id, Handler handler) {
        return new TextInput(id, handler);
    }

    @Override
    public @Nullable Transition onMessage(WidgetContext ctx, Message message) throws Exception {
        String text = message.text();
        return text == null || text.startsWith("/") ? null : handler.onValue(ctx, text);
    }
}
