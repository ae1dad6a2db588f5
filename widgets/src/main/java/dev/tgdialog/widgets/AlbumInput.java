package dev.tgdialog.widgets;

import dev.tgdialog.Transition;
import dev.tgdialog.spi.InputWidget;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.Message;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Takes the photos, videos, documents or audio files a user sends, as one list: an album (its parts, which Telegram
 * delivers one update each, gathered by the bot) or a single such message as a list of one. Other messages are left
 * to the window's next input widget.
 */
public final class AlbumInput implements InputWidget {

    /** Handles what the user sent, in the order sent. */
    @FunctionalInterface
    public interface Handler {
        Transition onAlbum(WidgetContext ctx, List<Message> album) throws Exception;
    }

    private final String id;
    private final Handler handler;

    private AlbumInput(String id, Handler handler) {
        this.id = Objects.requireNonNull(id, "id");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** Takes albums, and single photos, videos, documents and audio files. */
    public static AlbumInput of(String id, Handler handler) {
        return new AlbumInput(id, handler);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public @Nullable Transition onAlbum(WidgetContext ctx, List<Message> album) throws Exception {
        return handler.onAlbum(ctx, album);
    }

    @Override
    public @Nullable Transition onMessage(WidgetContext ctx, Message message) throws Exception {
        boolean media = message.photo() != null
                || message.video() != null
                || message.document() != null
                || message.audio() != null;
        return media ? handler.onAlbum(ctx, List.of(message)) : null;
    }
}
