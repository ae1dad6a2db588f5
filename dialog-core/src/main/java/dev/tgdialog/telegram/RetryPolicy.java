package dev.tgdialog.telegram;

import dev.tgdialog.internal.http.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link TelegramClient} repeats failed calls.
 *
 * <p>A 429 is repeated after Telegram's {@code retry_after}, up to {@code maxFloodRetries} times, unless the wait
 * would be longer than {@code maxFloodWait}. A connection that could not be made is repeated with exponential
 * backoff (any method: nothing reached Telegram). A timeout, a broken response or a 5xx is repeated only for
 * idempotent methods (gets, sets, edits, answers, deletes), never for a send, which could then arrive twice.
 *
 * @param maxFloodRetries how many times one call is repeated after a 429
 * @param maxFloodWait the longest {@code retry_after} the client waits for; a longer one fails at once
 * @param maxNetworkRetries how many times one call is repeated after a network failure or a 5xx
 * @param initialBackoff the first pause after a network failure; each next pause doubles
 * @param maxBackoff the longest pause after a network failure
 */
public record RetryPolicy(
        int maxFloodRetries, Duration maxFloodWait, int maxNetworkRetries, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        Objects.requireNonNull(maxFloodWait, "maxFloodWait");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxFloodRetries < 0 || maxNetworkRetries < 0) {
            throw new IllegalArgumentException("retry counts must not be negative");
        }
    }

    /** Three repeats after a 429 of at most 60 s, three after a network failure, backoff 0.5 s doubling to 10 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(60), 3, Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    /** Never repeat a call. */
    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, 0, Duration.ZERO, Duration.ZERO);
    }

    /** The pause before network repeat number {@code attempt} (1-based). */
    Duration backoff(int attempt) {
        return Backoff.pause(initialBackoff, maxBackoff, attempt);
    }
}
