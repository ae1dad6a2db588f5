package dev.tgdialog.testing;

import org.jspecify.annotations.Nullable;

/**
 * The bot's answer to a pre-checkout query, as the fake Telegram accepted it.
 *
 * @param queryId the query answered
 * @param ok whether the payment may go ahead
 * @param errorMessage the reason shown to the user when it may not
 * @param afterMillis how long after the query the answer came, on the fake's time source
 */
public record PreCheckoutAnswer(
        String queryId, boolean ok, @Nullable String errorMessage, long afterMillis) {}
