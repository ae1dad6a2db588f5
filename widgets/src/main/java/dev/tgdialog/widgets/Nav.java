package dev.tgdialog.widgets;

import dev.tgdialog.Dialog;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.spi.TextWidget;
import dev.tgdialog.spi.Widget;

/**
 * Navigation buttons: next, back, switch to a window, start a dialog, cancel. Each has a fixed widget id
 * ({@code next}, {@code back}, {@code cancel}, {@code to_<WINDOW>}, {@code start_<dialog>}, cut to 16 characters);
 * give an explicit id with {@link Button#of} when a window needs two of a kind.
 */
public final class Nav {
    private Nav() {}

    /** Goes to the next window of the dialog. */
    public static Button next(String label) {
        return Button.of("next", label, new Go(Transition.next()));
    }

    /** Goes to the previous window of the dialog. */
    public static Button back(String label) {
        return Button.of("back", label, new Go(Transition.back()));
    }

    /** Goes to a given window of the dialog. */
    public static Button switchTo(String label, WindowId window) {
        return Button.of(cut("to_" + window.name()), label, new Go(Transition.switchTo(window)));
    }

    /** Starts a dialog on top of this one. */
    public static Button start(String label, Dialog dialog) {
        return Button.of(cut("start_" + dialog.id()), label, new Go(Transition.start(dialog)));
    }

    /** Closes this dialog without a result. */
    public static Button cancel(String label) {
        return Button.of("cancel", label, new Go(Transition.done()));
    }

    /** {@link #next(String)} with a rendered (say, translated) label. */
    public static Button next(TextWidget label) {
        return Button.of("next", label, new Go(Transition.next()));
    }

    /** {@link #back(String)} with a rendered label. */
    public static Button back(TextWidget label) {
        return Button.of("back", label, new Go(Transition.back()));
    }

    /** {@link #cancel(String)} with a rendered label. */
    public static Button cancel(TextWidget label) {
        return Button.of("cancel", label, new Go(Transition.done()));
    }

    private static String cut(String id) {
        String clean = id.replaceAll("[^A-Za-z0-9_-]", "_");
        return clean.length() <= Widget.MAX_ID_LENGTH ? clean : clean.substring(0, Widget.MAX_ID_LENGTH);
    }

    /** A click handler that always makes one move, which its button declares ({@link Button#leadsTo()}). */
    record Go(Transition.Move move) implements dev.tgdialog.DialogHandler {
        @Override
        public Transition handle(dev.tgdialog.DialogContext ctx) {
            return move;
        }
    }
}
