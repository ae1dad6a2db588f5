package dev.tgdialog.events;

/** Where an error the bot met came from. */
public enum ErrorKind {
    /** A handler of the bot's author threw (a dialog's, an error handler's, an inline or payment handler's). */
    HANDLER,
    /** Telegram refused a call the update needed, and the update's changes were dropped. */
    TELEGRAM,
    /** The stack store failed while an update was handled. */
    STORE
}
