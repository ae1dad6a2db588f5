package dev.tgdialog.payments;

import java.util.Objects;

/** What a pre-checkout handler decides: the payment may go ahead, or it is refused with a reason the user reads. */
public sealed interface Checkout {

    /** The payment may go ahead. */
    static Checkout ok() {
        return Ok.INSTANCE;
    }

    /** The payment is refused; Telegram shows {@code reason} to the user ("Sorry, we ran out of dough"). */
    static Checkout refuse(String reason) {
        return new Refuse(reason);
    }

    /** Go ahead. */
    enum Ok implements Checkout {
        INSTANCE
    }

    /** Refused, with the reason shown to the user. */
    record Refuse(String reason) implements Checkout {
        public Refuse {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a refusal needs a reason the user can read");
            }
        }
    }
}
