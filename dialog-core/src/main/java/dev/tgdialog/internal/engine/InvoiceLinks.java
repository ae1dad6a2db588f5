package dev.tgdialog.internal.engine;

import dev.tgdialog.payments.Invoice;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.methods.CreateInvoiceLink;
import dev.tgdialog.telegram.types.LabeledPrice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Makes invoice links ({@code createInvoiceLink}) for {@code DialogContext.invoiceLink}. Thread-safe. */
final class InvoiceLinks {
    private final TelegramClient telegram;

    InvoiceLinks(TelegramClient telegram) {
        this.telegram = telegram;
    }

    String create(RenderContext ctx, Invoice invoice, String payload) {
        invoice.check("invoice link " + payload);
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > 128 || Payments.looksOurs(payload)) {
            throw new IllegalArgumentException("an invoice link's payload is 1-128 bytes and does not start with \""
                    + Payments.PREFIX + "\" (the engine's own), was \"" + payload + "\"");
        }
        try {
            List<LabeledPrice> prices = new ArrayList<>();
            for (Invoice.Price price : invoice.prices()) {
                prices.add(new LabeledPrice(price.label(), price.amount().amount(ctx)));
            }
            CreateInvoiceLink.Builder link = CreateInvoiceLink.builder(
                            invoice.title().render(ctx),
                            invoice.description().render(ctx),
                            payload,
                            invoice.currency(),
                            prices)
                    .providerToken(invoice.providerToken())
                    .photoUrl(invoice.photoUrl())
                    .needName(invoice.needs().contains(Invoice.Need.NAME) ? true : null)
                    .needPhoneNumber(invoice.needs().contains(Invoice.Need.PHONE) ? true : null)
                    .needEmail(invoice.needs().contains(Invoice.Need.EMAIL) ? true : null)
                    .needShippingAddress(invoice.needs().contains(Invoice.Need.SHIPPING_ADDRESS) ? true : null)
                    .isFlexible(invoice.flexible() ? true : null);
            if (invoice.subscription() != null) {
                link.subscriptionPeriod(invoice.subscription().toSeconds());
            }
            return telegram.execute(link.build());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("invoice link " + payload + ": " + e.getMessage(), e);
        }
    }
}
