package dev.tgdialog;

/** Reacts to something in a dialog (a click, a start) by returning what happens next. */
@FunctionalInterface
public interface DialogHandler {

    /** Handles the event; never returns null (use {@link Transition#stay()}). */
    Transition handle(DialogContext ctx) throws Exception;
}
