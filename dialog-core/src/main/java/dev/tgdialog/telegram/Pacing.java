package dev.tgdialog.telegram;

import java.time.Duration;
import java.util.Objects;

/**
 * Proactive pacing of outgoing messages, so a busy bot stays under Telegram's flood limits instead of collecting
 * 429s. Only calls that create messages are paced ({@code send*}, {@code copyMessage(s)},
 * {@code forwardMessage(s)}); edits and answers are not, so the interface stays quick, and still get the 429
 * handling of {@link RetryPolicy}. A repeat of a paced call (after a 429's {@code retry_after}, or a connection that
 * could not be made) waits for a slot of its own, as a new send would.
 *
 * <p>Each limit is a rate with a burst: {@code privateChatInterval} between messages to one private chat (after
 * {@code privateChatBurst} quick ones), {@code groupInterval} for groups and channels, {@code globalInterval}
 * across all chats.
 */
public record Pacing(
        boolean enabled,
        Duration privateChatInterval,
        int privateChatBurst,
        Duration groupInterval,
        int groupBurst,
        Duration globalInterval,
        int globalBurst) {

    public Pacing {
        Objects.requireNonNull(privateChatInterval, "privateChatInterval");
        Objects.requireNonNull(groupInterval, "groupInterval");
        Objects.requireNonNull(globalInterval, "globalInterval");
        if (privateChatBurst < 1 || groupBurst < 1 || globalBurst < 1) {
            throw new IllegalArgumentException("bursts must be at least 1");
        }
    }

    /**
     * Telegram's documented limits: about one message a second per chat (short bursts of 3 allowed), 20 a minute
     * in a group (one every 3 s, bursts of 5), 30 a second overall.
     */
    public static Pacing telegramLimits() {
        return new Pacing(true, Duration.ofSeconds(1), 3, Duration.ofSeconds(3), 5, Duration.ofMillis(34), 30);
    }

    /**
     * This pacing with another limit across all chats: {@code withGlobal(Duration.ofMillis(34), 1)} sends one message
     * every 34 ms with no burst, never more than 30 in any second (a broadcast's pace).
     */
    public Pacing withGlobal(Duration interval, int burst) {
        return new Pacing(enabled, privateChatInterval, privateChatBurst, groupInterval, groupBurst, interval, burst);
    }

    /** No pacing: every call goes out at once (the default). */
    public static Pacing off() {
        return new Pacing(false, Duration.ZERO, 1, Duration.ZERO, 1, Duration.ZERO, 1);
    }
}
