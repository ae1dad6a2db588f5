package dev.tgdialog.payments;

import dev.tgdialog.DialogContext;
import dev.tgdialog.telegram.types.ShippingQuery;

/** Answers where and how a flexible invoice can be shipped, in the dialog that sent it, once the buyer gave an address. */
@FunctionalInterface
public interface ShippingHandler {
    Shipping ship(DialogContext ctx, ShippingQuery query) throws Exception;
}
