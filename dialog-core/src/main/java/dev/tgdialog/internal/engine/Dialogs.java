package dev.tgdialog.internal.engine;

import dev.tgdialog.Dialog;
import dev.tgdialog.Window;
import java.util.Map;

/**
 * The bot's registered dialogs, looked up for a frame: the dialog and the window it is at. Immutable, so one
 * instance serves the engine, the presenter and every context, on any thread.
 */
final class Dialogs {
    private static final Definitions DEFS = Definitions.get();

    private final Map<String, Dialog> registered;

    Dialogs(Map<String, Dialog> registered) {
        this.registered = Map.copyOf(registered);
    }

    Dialog dialog(WorkFrame frame) {
        Dialog dialog = registered.get(frame.dialogId);
        if (dialog == null) {
            throw new IllegalStateException("no dialog " + frame.dialogId + " is registered with the bot");
        }
        return dialog;
    }

    Window window(WorkFrame frame) {
        Window window = DEFS.window(dialog(frame), frame.windowId);
        if (window == null) {
            throw new IllegalStateException("dialog " + frame.dialogId + " has no window " + frame.windowId);
        }
        return window;
    }
}
