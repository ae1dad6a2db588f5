package dev.tgdialog.testing;

import dev.tgdialog.internal.store.BotRecords;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackCodec;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A stack store for tests that keeps only each stack's JSON document ({@link StackCodec}), so every update reads
 * back what was serialised: a dialog or widget that keeps state the codec cannot carry fails here as it would on
 * Redis. Pass it to {@link BotHarness.Builder#store}. Thread-safe.
 */
public final class RoundTripStore implements StackStore {
    private final Map<StackKey, String> documents = new ConcurrentHashMap<>();
    private final BotRecords botRecords = new BotRecords();

    @Override
    public Optional<Stack> load(StackKey key) {
        return Optional.ofNullable(documents.get(key)).map(StackCodec::decode);
    }

    @Override
    public synchronized boolean save(StackKey key, long expectedVersion, Stack stack) {
        long current = load(key).map(Stack::version).orElse(0L);
        if (current != expectedVersion) {
            return false;
        }
        documents.put(key, StackCodec.encode(stack));
        return true;
    }

    @Override
    public synchronized int forgetUser(long botId, long userId) {
        botRecords.forgetUser(botId, userId);
        int before = documents.size();
        documents.keySet().removeIf(k -> k.botId() == botId && (k.userId() == userId || k.chatId() == userId));
        return before - documents.size();
    }

    @Override
    public synchronized int moveChat(long botId, long fromChatId, long toChatId) {
        int moved = 0;
        for (StackKey key : java.util.List.copyOf(documents.keySet())) {
            if (key.botId() == botId && key.chatId() == fromChatId) {
                String document = Objects.requireNonNull(documents.remove(key), "a key of the map, under its lock");
                StackKey target = new StackKey(botId, toChatId, key.userId(), key.threadId(), key.stackId());
                if (!documents.containsKey(target)) {
                    documents.put(
                            target,
                            StackCodec.encode(StackCodec.decode(document).withoutLastMessage()));
                    moved++;
                }
            }
        }
        return moved;
    }

    /** A record is a document already, so it is kept as it is: there is no codec for it to go through. */
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
        return botRecords.loadUser(botId, userId, name);
    }

    @Override
    public void saveUserRecord(long botId, long userId, String name, @Nullable String document) {
        botRecords.saveUser(botId, userId, name, document);
    }

    /** The stored JSON documents by key, as they are now. */
    public Map<StackKey, String> documents() {
        return Map.copyOf(documents);
    }
}
