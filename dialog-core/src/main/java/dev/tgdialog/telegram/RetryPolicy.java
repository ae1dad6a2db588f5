package dev.tgdialog.telegram;

import dev.tgdialog.internal.http.Backoff;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How {@link TelegramClient} repeats failed calls: as often as fits in a deadline, never by a count.
 *
 * <p>A 429 is repeated after Telegram's {@code retry_after}, unless that is longer than {@code maxFloodWait} (then
 * the call fails at once; with {@code maxFloodWait} zero a 429 always fails at once, for a caller that waits on its
 * own). A connection that could not be made is repeated with exponential backoff (any method: nothing reached
 * Telegram). A timeout, a broken response or a 5xx is repeated only for idempotent methods (gets, sets, edits,
 * answers, deletes), never for a send, which could then arrive twice. Every wait is lengthened by a random
 * fraction of itself, up to {@code jitter}, so bots that failed together do not come back together. A repeat is
 * made only if it would start before the first attempt's time plus {@code deadline}.
 *
 * @param deadline how long after its first attempt a call may still be repeated; zero never repeats
 * @param maxFloodWait the longest {@code retry_after} the client waits for; a longer one fails at once
 * @param initialBackoff the first pause after a network failure or a 5xx; each next pause doubles
 * @param maxBackoff the longest pause after a network failure or a 5xx
 * @param jitter the largest random lengthening of a wait, as a fraction of it (0.1: up to 10 % longer)
 */
public record RetryPolicy(
        Duration deadline, Duration maxFloodWait, Duration initialBackoff, Duration maxBackoff, double jitter) {

    public RetryPolicy {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(maxFloodWait, "maxFloodWait");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (deadline.isNegative()
                || maxFloodWait.isNegative()
                || initialBackoff.isNegative()
                || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("retry durations must not be negative");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
    }

    /** Repeats for up to 60 s, waits out a 429 of up to 60 s, backoff 0.5 s doubling to 10 s, jitter 0.1. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(
                Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(10), 0.1);
    }

    /** Never repeat a call. */
    public static RetryPolicy none() {
        return new RetryPolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);
    }

    /** The pause before network repeat number {@code attempt} (1-based), before jitter. */
    Duration backoff(int attempt) {
        return Backoff.pause(initialBackoff, maxBackoff, attempt);
    }

    /**
     * This wait lengthened by a random 0..{@code jitter} fraction of itself; for callers that wait out Telegram's
     * {@code retry_after} themselves, as the dialog engine does per chat.
     */
    public Duration withJitter(Duration wait) {
        if (jitter == 0 || wait.isZero()) {
            return wait;
        }
        double extra = ThreadLocalRandom.current().nextDouble() * jitter;
        return wait.plusNanos((long) (wait.toNanos() * extra));
    }
}
