package dev.tgdialog;

/** How the window that results from an update reaches the chat. */
public enum ShowMode {
    /** Edit the message after a click on it; send a new message after a message from the user. */
    AUTO,
    /** Edit the message the stack last showed (falls back to sending when Telegram refuses the edit). */
    EDIT,
    /** Send a new message; the old one stays, its buttons go stale. */
    SEND,
    /** Delete the old message, then send a new one. */
    DELETE_AND_SEND,
    /** Change the state but show nothing now. */
    NO_UPDATE
}
