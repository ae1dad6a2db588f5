package dev.tgdialog;

import dev.tgdialog.internal.engine.Definitions;
import dev.tgdialog.internal.engine.TypedResult;
import dev.tgdialog.spi.InputWidget;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.MediaWidget;
import dev.tgdialog.spi.TextWidget;
import dev.tgdialog.spi.Widget;
import dev.tgdialog.telegram.types.LinkPreviewOptions;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Hands the engine what {@link Dialog} and {@link Window} keep package-private. */
final class EngineView extends Definitions {
    @Override
    public @Nullable Window window(Dialog dialog, String windowId) {
        return dialog.window(windowId);
    }

    @Override
    public Window first(Dialog dialog) {
        return dialog.windows.get(0);
    }

    @Override
    public @Nullable Window beside(Dialog dialog, String windowId, int offset) {
        return dialog.beside(windowId, offset);
    }

    @Override
    public @Nullable DialogHandler onStart(Dialog dialog) {
        return dialog.onStart;
    }

    @Override
    public @Nullable DialogHandler onClose(Dialog dialog) {
        return dialog.onClose;
    }

    @Override
    public List<Getter> getters(Dialog dialog) {
        return dialog.getters;
    }

    @Override
    public @Nullable TypedResult<?> resultHandler(Dialog dialog, String childDialogId) {
        return dialog.resultHandlers.get(childDialogId);
    }

    @Override
    public List<TextWidget> texts(Window window) {
        return window.texts;
    }

    @Override
    public List<KeyboardWidget> keyboard(Window window) {
        return window.keyboard;
    }

    @Override
    public List<InputWidget> inputs(Window window) {
        return window.inputs;
    }

    @Override
    public @Nullable MediaWidget media(Window window) {
        return window.media;
    }

    @Override
    public dev.tgdialog.spi.@Nullable AlbumWidget album(Window window) {
        return window.album;
    }

    @Override
    public dev.tgdialog.payments.@Nullable Invoice invoice(Window window) {
        return window.invoice;
    }

    @Override
    public List<Window> windows(Dialog dialog) {
        return dialog.windows;
    }

    @Override
    public dev.tgdialog.polls.@Nullable PollStep poll(Window window) {
        return window.poll;
    }

    @Override
    public dev.tgdialog.games.@Nullable Game game(Window window) {
        return window.game;
    }

    @Override
    public List<Getter> getters(Window window) {
        return window.getters;
    }

    @Override
    public @Nullable String parseMode(Window window) {
        return window.parseMode;
    }

    @Override
    public @Nullable LinkPreviewOptions linkPreview(Window window) {
        return window.linkPreview;
    }

    @Override
    public KeyboardKind keyboardKind(Window window) {
        return window.keyboardKind;
    }

    @Override
    public @Nullable Widget widget(Window window, String widgetId) {
        return window.widget(widgetId);
    }

    @Override
    public List<Transition.Change<?>> samples(Window window) {
        return window.samples;
    }

    @Override
    public @Nullable Object sampleInput(Window window) {
        return window.sampleInput;
    }
}
