package dev.tgdialog;

/** What kind of keyboard a window's buttons become. */
public enum KeyboardKind {
    /** Buttons under the message (the default); clicks come back as callback queries. */
    INLINE,
    /**
     * Buttons in place of the user's keyboard; a press sends the label as a message, which the engine maps back to
     * the button through the labels it rendered (never through hidden characters in the label).
     */
    REPLY,
    /** No buttons: the user's client opens a reply to the window's message, for typed input. */
    FORCE_REPLY
}
