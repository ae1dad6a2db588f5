package dev.tgdialog.kit;

import dev.tgdialog.Dialog;
import dev.tgdialog.Transition;

/** Navigation buttons with the catalogue's fixed ids. */
public final class Nav {
    private Nav() {}

    public static Button next(String label) {
        return Button.of("next", label, ctx -> Transition.next());
    }

    public static Button back(String label) {
        return Button.of("back", label, ctx -> Transition.back());
    }

    public static Button start(String label, Dialog dialog) {
        return Button.of("start_" + dialog.id(), label, ctx -> Transition.start(dialog));
    }

    public static Button cancel(String label) {
        return Button.of("cancel", label, ctx -> Transition.done());
    }
}
