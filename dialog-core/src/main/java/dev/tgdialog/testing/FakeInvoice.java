package dev.tgdialog.testing;

/**
 * An invoice message as the fake Telegram holds it: what {@code sendInvoice} asked for, which
 * {@link FakeUser#pay} pays.
 *
 * @param chatId the chat it was sent to
 * @param messageId its message
 * @param title what is sold
 * @param description its description
 * @param payload the bot's payload, which the pre-checkout query and the payment carry back
 * @param currency {@code XTR} for Telegram Stars, else a provider's currency
 * @param totalAmount the sum of its prices, in the currency's smallest unit
 */
public record FakeInvoice(
        long chatId,
        long messageId,
        String title,
        String description,
        String payload,
        String currency,
        long totalAmount) {}
