package dev.tgdialog.payments;

import dev.tgdialog.DialogContext;
import dev.tgdialog.telegram.types.PreCheckoutQuery;

/**
 * Decides whether a payment may go ahead, in the dialog whose invoice is being paid (the context reads that dialog's
 * data). It must decide quickly: the engine answers Telegram itself once the bot's checkout budget is spent.
 */
@FunctionalInterface
public interface PreCheckoutHandler {
    Checkout check(DialogContext ctx, PreCheckoutQuery query) throws Exception;
}
