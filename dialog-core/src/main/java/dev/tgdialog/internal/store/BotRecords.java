package dev.tgdialog.internal.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The records a stack store for tests keeps beside its stacks ({@code StackStore.loadBotRecord} and
 * {@code loadUserRecord}), never evicted: a handful per bot, one or two per user of a test. Thread-safe.
 */
public final class BotRecords {
    private final Map<String, String> records = new ConcurrentHashMap<>();
    private final Map<UserRecord, String> userRecords = new ConcurrentHashMap<>();

    private record UserRecord(long botId, long userId, String name) {}

    /** The record {@code name} of bot {@code botId}, if one was saved. */
    public Optional<String> load(long botId, String name) {
        return Optional.ofNullable(records.get(botId + ":" + name));
    }

    /** Replaces the record {@code name} of bot {@code botId}. */
    public void save(long botId, String name, String document) {
        records.put(botId + ":" + name, document);
    }

    /** The record {@code name} of user {@code userId}, if one was saved. */
    public Optional<String> loadUser(long botId, long userId, String name) {
        return Optional.ofNullable(userRecords.get(new UserRecord(botId, userId, name)));
    }

    /** Replaces the record {@code name} of user {@code userId}; null deletes it. */
    public void saveUser(long botId, long userId, String name, @Nullable String document) {
        UserRecord key = new UserRecord(botId, userId, name);
        if (document == null) {
            userRecords.remove(key);
        } else {
            userRecords.put(key, document);
        }
    }

    /** Deletes every record of user {@code userId}. */
    public void forgetUser(long botId, long userId) {
        userRecords.keySet().removeIf(k -> k.botId() == botId && k.userId() == userId);
    }
}
