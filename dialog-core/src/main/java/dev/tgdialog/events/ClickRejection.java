package dev.tgdialog.events;

/** Why the engine refused a click on one of its buttons; the click was answered with a toast and changed nothing. */
public enum ClickRejection {
    /** A button of a window, revision or message the user's stack has moved past (a double click, an old message). */
    STALE,
    /** Callback data in the engine's format that does not parse: made by hand, not by the engine. */
    FORGED,
    /** A button of another member's dialog in a group, or an inline message whose access check said no. */
    FOREIGN,
    /**
     * A button of a window or revision the stack never reached: the store lost its last write (a failover), or the
     * data is forged; the two cannot be told apart.
     */
    AHEAD_OF_STACK,
    /** The widget refused the payload ({@code Transition.reject}): an item no longer offered, or a rule of its own. */
    REFUSED
}
