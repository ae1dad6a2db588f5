package dev.tgdialog;

/** How a started dialog relates to the dialogs already open. */
public enum StartMode {
    /** On top of the current dialog, which gets the child's result when it is done. */
    NORMAL,
    /** Close every open dialog of the stack first, then start this one as the only one. */
    RESET_STACK,
    /** In a stack of its own, shown in a new message, next to (not on top of) the current one. */
    NEW_STACK
}
