package dev.tgdialog.payments;

import dev.tgdialog.telegram.types.ShippingOption;
import java.util.List;
import java.util.Objects;

/** What a shipping handler answers: the ways to ship to the buyer's address, or why it cannot be shipped there. */
public sealed interface Shipping {

    /** These ways to ship, each with its prices; at least one. */
    static Shipping options(List<ShippingOption> options) {
        return new Options(options);
    }

    /** Cannot ship there; Telegram shows {@code reason} to the user. */
    static Shipping refuse(String reason) {
        return new Refuse(reason);
    }

    /** The ways to ship. */
    record Options(List<ShippingOption> options) implements Shipping {
        public Options {
            options = List.copyOf(options);
            if (options.isEmpty()) {
                throw new IllegalArgumentException("at least one way to ship; refuse(reason) when there is none");
            }
        }
    }

    /** Cannot ship, with the reason shown to the user. */
    record Refuse(String reason) implements Shipping {
        public Refuse {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
