package dev.tgdialog.internal.engine;

import dev.tgdialog.Dialog;
import dev.tgdialog.DialogHandler;
import dev.tgdialog.Getter;
import dev.tgdialog.KeyboardKind;
import dev.tgdialog.Window;
import dev.tgdialog.spi.InputWidget;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.MediaWidget;
import dev.tgdialog.spi.TextWidget;
import dev.tgdialog.spi.Widget;
import dev.tgdialog.telegram.types.LinkPreviewOptions;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The engine's view of a {@link Dialog} and its {@link Window}s: what the engine reads to run them, which an author
 * has no use for and so is kept off their public API. The one implementation sits beside them in
 * {@code dev.tgdialog}, package-private, and installs itself when {@link Dialog} loads.
 */
public abstract class Definitions {
    private static volatile @Nullable Definitions installed;

    /** Installs dev.tgdialog's implementation; a second call is a programming error. */
    public static synchronized void install(Definitions definitions) {
        if (installed != null) {
            throw new IllegalStateException("Definitions are installed once, by dev.tgdialog.Dialog");
        }
        installed = definitions;
    }

    static Definitions get() {
        Definitions d = installed;
        if (d == null) {
            try {
                // Initializing Dialog runs its static initializer, which installs the implementation.
                Class.forName(Dialog.class.getName(), true, Dialog.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
            d = installed;
            if (d == null) {
                throw new IllegalStateException("dev.tgdialog.Dialog did not install its Definitions");
            }
        }
        return d;
    }

    /** The window with this id, or null. */
    public abstract @Nullable Window window(Dialog dialog, String windowId);

    /** The window the dialog starts at. */
    public abstract Window first(Dialog dialog);

    /** The dialog's windows, in the order declared. */
    public abstract List<Window> windows(Dialog dialog);

    /** The window declared {@code offset} places after this one (before it, when negative), or null past either end. */
    public abstract @Nullable Window beside(Dialog dialog, String windowId, int offset);

    public abstract @Nullable DialogHandler onStart(Dialog dialog);

    public abstract @Nullable DialogHandler onClose(Dialog dialog);

    /** Getters that run before every window's own. */
    public abstract List<Getter> getters(Dialog dialog);

    /** The handler for results of the child dialog with this id, or null. */
    public abstract @Nullable TypedResult<?> resultHandler(Dialog dialog, String childDialogId);

    public abstract List<TextWidget> texts(Window window);

    public abstract List<KeyboardWidget> keyboard(Window window);

    public abstract List<InputWidget> inputs(Window window);

    public abstract @Nullable MediaWidget media(Window window);

    /** The album the window shows above its message, or null. */
    public abstract dev.tgdialog.spi.@Nullable AlbumWidget album(Window window);

    /** The invoice the window shows as its message, or null. */
    public abstract dev.tgdialog.payments.@Nullable Invoice invoice(Window window);

    /** The game the window sends as its message, or null. */
    public abstract dev.tgdialog.games.@Nullable Game game(Window window);

    /** The poll the window sends as its message, or null. */
    public abstract dev.tgdialog.polls.@Nullable PollStep poll(Window window);

    public abstract List<Getter> getters(Window window);

    /** The parse mode of the text ({@code HTML}, {@code MarkdownV2}), or null for plain text. */
    public abstract @Nullable String parseMode(Window window);

    public abstract @Nullable LinkPreviewOptions linkPreview(Window window);

    public abstract KeyboardKind keyboardKind(Window window);

    /** The widget with this id, nested ones included, or null. */
    public abstract @Nullable Widget widget(Window window, String widgetId);

    /** The sample data a preview renders the window with. */
    public abstract List<dev.tgdialog.Transition.Change<?>> samples(Window window);

    /** The start input a preview renders the window with, or null. */
    public abstract @Nullable Object sampleInput(Window window);
}
