package dev.tgdialog.internal.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory {@link StackStore}: stacks are kept as the immutable records they are (no encoding), with
 * expire-after-access and a size bound. The compare-and-set runs inside Caffeine's atomic {@code compute}.
 */
public final class CaffeineStackStore implements StackStore {
    private static final Logger log = LoggerFactory.getLogger(CaffeineStackStore.class);

    private final Cache<StackKey, Stack> cache;
    private final BotRecords botRecords = new BotRecords();
    /** Users' records, bounded like the stacks but not expiring with them: a language outlives a user's dialogs. */
    private final Cache<UserRecordKey, String> userRecords;

    private record UserRecordKey(long botId, long userId, String name) {}

    /**
     * A store whose stacks expire {@code ttl} after their last read or write, at most {@code maxStacks} of them.
     * Caffeine's upkeep (reordering its access and write buffers, evicting) runs on the thread that read or wrote,
     * under Caffeine's own try-lock, not on another thread.
     */
    public CaffeineStackStore(Duration ttl, long maxStacks) {
        this(ttl, maxStacks, Ticker.systemTicker(), Runnable::run);
    }

    /**
     * For tests: time read from {@code ticker}, so expiry can be tested without waiting, and Caffeine's maintenance
     * (eviction) run on {@code maintenance}, so a same-thread executor makes the size bound apply at once.
     */
    CaffeineStackStore(Duration ttl, long maxStacks, Ticker ticker, Executor maintenance) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the time-to-live must be positive");
        }
        this.cache = Caffeine.newBuilder()
                .expireAfterAccess(ttl)
                .maximumSize(maxStacks)
                .ticker(ticker)
                .executor(maintenance)
                .build();
        this.userRecords = Caffeine.newBuilder()
                .maximumSize(maxStacks)
                .executor(maintenance)
                .build();
    }

    @Override
    public Optional<Stack> load(StackKey key) {
        return Optional.ofNullable(cache.getIfPresent(key));
    }

    @Override
    public boolean save(StackKey key, long expectedVersion, Stack stack) {
        if (stack.version() != expectedVersion + 1) {
            throw new IllegalArgumentException(
                    "a saved stack's version must be " + (expectedVersion + 1) + ", was " + stack.version());
        }
        boolean[] saved = {false};
        cache.asMap().compute(key, (k, current) -> {
            long currentVersion = current == null ? 0 : current.version();
            if (currentVersion != expectedVersion) {
                return current;
            }
            saved[0] = true;
            return stack;
        });
        return saved[0];
    }

    @Override
    public Optional<String> loadBotRecord(long botId, String name) {
        return botRecords.load(botId, name);
    }

    @Override
    public void saveBotRecord(long botId, String name, String document) {
        botRecords.save(botId, name, document);
    }

    @Override
    public Optional<String> loadUserRecord(long botId, long userId, String name) {
        return Optional.ofNullable(userRecords.getIfPresent(new UserRecordKey(botId, userId, name)));
    }

    @Override
    public void saveUserRecord(long botId, long userId, String name, @Nullable String document) {
        UserRecordKey key = new UserRecordKey(botId, userId, name);
        if (document == null) {
            userRecords.invalidate(key);
        } else {
            userRecords.put(key, document);
        }
    }

    /** Walks every stack in memory once (no I/O); each matching one is removed atomically. */
    @Override
    public int forgetUser(long botId, long userId) {
        userRecords.asMap().keySet().removeIf(k -> k.botId() == botId && k.userId() == userId);
        int removed = 0;
        for (StackKey key : cache.asMap().keySet()) {
            if (key.botId() == botId
                    && (key.chatId() == userId || key.userId() == userId)
                    && cache.asMap().remove(key) != null) {
                removed++;
            }
        }
        return removed;
    }

    /**
     * Walks every stack in memory once (no I/O). Each stack is taken out of the old key, then put under the new one
     * only if that is free; a save on the old key after that finds it absent and fails its compare-and-set.
     */
    @Override
    public int moveChat(long botId, long fromChatId, long toChatId) {
        int moved = 0;
        for (StackKey key : cache.asMap().keySet()) {
            if (key.botId() != botId || key.chatId() != fromChatId) {
                continue;
            }
            Stack stack = cache.asMap().remove(key);
            if (stack == null) {
                continue;
            }
            StackKey target = new StackKey(botId, toChatId, key.userId(), key.threadId(), key.stackId());
            if (cache.asMap().putIfAbsent(target, stack.withoutLastMessage()) == null) {
                moved++;
            } else {
                log.warn(
                        "Stack {} not moved to chat {}: a stack is stored there already; it is kept, the old one "
                                + "dropped",
                        key.asString(),
                        toChatId);
            }
        }
        return moved;
    }
}
