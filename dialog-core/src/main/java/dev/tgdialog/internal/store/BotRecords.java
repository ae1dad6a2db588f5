package dev.tgdialog.internal.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bot records of an in-memory stack store ({@code StackStore.loadBotRecord}): a handful per bot, never evicted,
 * so kept apart from the bounded cache of stacks. Thread-safe.
 */
public final class BotRecords {
    private final Map<String, String> records = new ConcurrentHashMap<>();

    /** The record {@code name} of bot {@code botId}, if one was saved. */
    public Optional<String> load(long botId, String name) {
        return Optional.ofNullable(records.get(botId + ":" + name));
    }

    /** Replaces the record {@code name} of bot {@code botId}. */
    public void save(long botId, String name, String document) {
        records.put(botId + ":" + name, document);
    }
}
