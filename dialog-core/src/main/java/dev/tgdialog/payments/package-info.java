/**
 * Payments as dialog steps: an {@link dev.tgdialog.payments.Invoice} is what a window shows, its pre-checkout
 * question reaches the dialog that sent it (answered within Telegram's ten seconds whatever the handler does), and the
 * successful payment reaches that dialog as a transition, once per charge.
 */
@NullMarked
package dev.tgdialog.payments;

import org.jspecify.annotations.NullMarked;
