package dev.tgdialog.payments;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Transition;
import dev.tgdialog.telegram.types.SuccessfulPayment;

/** Acts on a payment that went through: runs once per charge, in the dialog whose invoice was paid. */
@FunctionalInterface
public interface PaymentHandler {
    Transition paid(DialogContext ctx, SuccessfulPayment payment) throws Exception;
}
