package dev.tgdialog.inline;

import dev.tgdialog.DialogContext;
import dev.tgdialog.telegram.types.ChosenInlineResult;

/**
 * Learns which result a user chose and sent. Telegram sends these only with inline feedback on (BotFather's
 * {@code /setinlinefeedback}); {@code inline_message_id} is set when the result had buttons.
 */
@FunctionalInterface
public interface ChosenResultHandler {
    void chosen(DialogContext ctx, ChosenInlineResult result) throws Exception;
}
