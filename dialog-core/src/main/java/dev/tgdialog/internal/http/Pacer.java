package dev.tgdialog.internal.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tgdialog.TimeSource;
import dev.tgdialog.telegram.ChatId;
import dev.tgdialog.telegram.Pacing;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Spaces out message-creating calls per chat and globally with the generic cell rate algorithm: each key keeps one
 * "theoretical arrival time"; a call reserves the next slot and learns how long to wait for it. Thread-safe.
 */
public final class Pacer {
    private final Pacing pacing;
    private final TimeSource time;
    private final Cache<Object, AtomicLong> chats;
    private final AtomicLong global = new AtomicLong(Long.MIN_VALUE);

    public Pacer(Pacing pacing, TimeSource time) {
        this.pacing = pacing;
        this.time = time;
        this.chats = Caffeine.newBuilder()
                .expireAfterAccess(10, TimeUnit.MINUTES)
                .ticker(() -> toNanos(time.now()))
                .build();
    }

    /** Reserves a slot for this call and returns how long to wait before sending it (zero if none). */
    public Duration reserve(String method, @Nullable ChatId chat) {
        if (!pacing.enabled() || !MethodKind.createsMessage(method)) {
            return Duration.ZERO;
        }
        long now = toNanos(time.now());
        long wait = take(global, now, pacing.globalInterval(), pacing.globalBurst());
        if (chat != null) {
            boolean group = chat instanceof ChatId.Username || ((ChatId.Numeric) chat).id() < 0;
            Object key = chat instanceof ChatId.Numeric n ? (Object) n.id() : chat.toString();
            AtomicLong tat = chats.get(key, k -> new AtomicLong(Long.MIN_VALUE));
            wait = Math.max(
                    wait,
                    group
                            ? take(tat, now, pacing.groupInterval(), pacing.groupBurst())
                            : take(tat, now, pacing.privateChatInterval(), pacing.privateChatBurst()));
        }
        return Duration.ofNanos(wait);
    }

    private static long take(AtomicLong tat, long now, Duration interval, int burst) {
        long step = interval.toNanos();
        long tolerance = step * (burst - 1);
        while (true) {
            long current = tat.get();
            long start = Math.max(current, now);
            if (tat.compareAndSet(current, start + step)) {
                return Math.max(0, start - tolerance - now);
            }
        }
    }

    private static long toNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
