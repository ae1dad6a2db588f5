package dev.tgdialog;

/** Handles a bot command such as {@code /start}, with the text after the command (a deep-link payload, say). */
@FunctionalInterface
public interface CommandHandler {

    /**
     * Handles the command; {@code args} is the rest of the message after the command, without the whitespace around
     * ("" if none).
     */
    Transition handle(DialogContext ctx, String args) throws Exception;
}
