package dev.tgdialog;

/**
 * Names a window of a dialog. Implement it with an enum of the dialog's states: the constant's {@code name()} is
 * the id kept in the stack, so renaming a constant changes the id (the engine recovers from ids it no longer
 * knows, see {@link DialogBot.Builder#onUnknownState}).
 *
 * <pre>{@code enum Step implements WindowId { SIZE, ADDRESS, CONFIRM }}</pre>
 */
public interface WindowId {

    /** The stable id of the window; an enum supplies it. */
    String name();
}
