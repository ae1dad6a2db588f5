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
 * The in-memory {@link StackStore}: stacks expire after their last read or write, with a size bound. A stack at rest
 * is one byte array ({@link StackBytes}) under a key as small as its chat allows, since a bot keeps one per user
 * in a dialog and the records a stack decodes to take several times the bytes; the compare-and-set runs inside
 * Caffeine's atomic {@code compute}.
 */
public final class CaffeineStackStore implements StackStore {
    private static final Logger log = LoggerFactory.getLogger(CaffeineStackStore.class);

    /** Keyed by {@link ChatKey} for a user's default stack in their private chat, by {@link StackKey} otherwise. */
    private final Cache<Object, byte[]> cache;

    private final StackBytes bytes = new StackBytes();
    private final BotRecords botRecords = new BotRecords();
    /** Users' records, bounded like the stacks but not expiring with them: a language outlives a user's dialogs. */
    private final Cache<UserRecordKey, String> userRecords;

    private record UserRecordKey(long botId, long userId, String name) {}

    /** The key of the commonest stack, a user's default one in their private chat: 32 bytes where a StackKey is 48. */
    private record ChatKey(long botId, long chatId) {}

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

    private static Object keyOf(StackKey key) {
        return key.userId() == key.chatId()
                        && key.threadId() == 0
                        && key.stackId().isEmpty()
                ? new ChatKey(key.botId(), key.chatId())
                : key;
    }

    private static StackKey stackKeyOf(Object key) {
        return key instanceof ChatKey chat ? StackKey.of(chat.botId(), chat.chatId(), chat.chatId()) : (StackKey) key;
    }

    @Override
    public Optional<Stack> load(StackKey key) {
        byte[] stored = cache.getIfPresent(keyOf(key));
        return stored == null ? Optional.empty() : Optional.of(bytes.decode(stored));
    }

    @Override
    public boolean save(StackKey key, long expectedVersion, Stack stack) {
        if (stack.version() != expectedVersion + 1) {
            throw new IllegalArgumentException(
                    "a saved stack's version must be " + (expectedVersion + 1) + ", was " + stack.version());
        }
        byte[] encoded = bytes.encode(stack);
        boolean[] saved = {false};
        cache.asMap().compute(keyOf(key), (k, current) -> {
            long currentVersion = current == null ? 0 : StackBytes.version(current);
            if (currentVersion != expectedVersion) {
                return current;
            }
            saved[0] = true;
            return encoded;
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
        for (Object stored : cache.asMap().keySet()) {
            StackKey key = stackKeyOf(stored);
            if (key.botId() == botId
                    && (key.chatId() == userId || key.userId() == userId)
                    && cache.asMap().remove(stored) != null) {
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
        for (Object stored : cache.asMap().keySet()) {
            StackKey key = stackKeyOf(stored);
            if (key.botId() != botId || key.chatId() != fromChatId) {
                continue;
            }
            byte[] stack = cache.asMap().remove(stored);
            if (stack == null) {
                continue;
            }
            StackKey target = new StackKey(botId, toChatId, key.userId(), key.threadId(), key.stackId());
            byte[] moving = bytes.encode(bytes.decode(stack).withoutLastMessage());
            if (cache.asMap().putIfAbsent(keyOf(target), moving) == null) {
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
