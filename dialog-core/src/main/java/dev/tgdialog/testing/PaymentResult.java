package dev.tgdialog.testing;

import dev.tgdialog.telegram.types.Update;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link FakeUser#pay} went: paid (with the charge and the update that said so, which a test may deliver again
 * as Telegram may), or declined with the reason the user read.
 *
 * @param paid whether the payment went through
 * @param refusal the reason shown when it did not
 * @param chargeId the {@code telegram_payment_charge_id} of the payment
 * @param paymentUpdate the {@code successful_payment} update delivered to the bot
 */
public record PaymentResult(
        boolean paid,
        @Nullable String refusal,
        @Nullable String chargeId,
        @Nullable Update paymentUpdate) {

    static PaymentResult declined(String refusal) {
        return new PaymentResult(false, refusal, null, null);
    }
}
