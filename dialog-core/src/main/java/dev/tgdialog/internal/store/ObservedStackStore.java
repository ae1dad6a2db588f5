package dev.tgdialog.internal.store;

import dev.tgdialog.TimeSource;
import dev.tgdialog.events.BotEvents;
import dev.tgdialog.events.StoreOperation;
import dev.tgdialog.events.StoreOutcome;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * A store that tells a listener how long each stack read and write took and how it ended, around the store it wraps;
 * every other call goes straight through. Only a bot with a listener gets one, so a bot without pays nothing.
 * Thread-safe as the store it wraps.
 */
public final class ObservedStackStore implements StackStore {
    private final StackStore store;
    private final BotEvents events;
    private final TimeSource time;

    /**
     * Wraps {@code store}, reporting to {@code events} durations measured on {@code time}.
     *
     * @param store the store that does the work
     * @param events the listener told of each read and write (guarded: it never throws)
     * @param time the clock durations are read from
     */
    public ObservedStackStore(StackStore store, BotEvents events, TimeSource time) {
        this.store = store;
        this.events = events;
        this.time = time;
    }

    @Override
    public Optional<Stack> load(StackKey key) {
        long started = time.nanoTime();
        Optional<Stack> stack;
        try {
            stack = store.load(key);
        } catch (RuntimeException e) {
            events.storeCall(StoreOperation.LOAD, StoreOutcome.FAILED, time.nanoTime() - started);
            throw e;
        }
        events.storeCall(StoreOperation.LOAD, StoreOutcome.OK, time.nanoTime() - started);
        return stack;
    }

    @Override
    public boolean save(StackKey key, long expectedVersion, Stack stack) {
        long started = time.nanoTime();
        boolean saved;
        try {
            saved = store.save(key, expectedVersion, stack);
        } catch (RuntimeException e) {
            events.storeCall(StoreOperation.SAVE, StoreOutcome.FAILED, time.nanoTime() - started);
            throw e;
        }
        saved(started, saved, null);
        return saved;
    }

    @Override
    public CompletionStage<Boolean> saveAsync(StackKey key, long expectedVersion, Stack stack) {
        long started = time.nanoTime();
        CompletionStage<Boolean> saving;
        try {
            saving = store.saveAsync(key, expectedVersion, stack);
        } catch (RuntimeException e) {
            events.storeCall(StoreOperation.SAVE, StoreOutcome.FAILED, time.nanoTime() - started);
            throw e;
        }
        return saving.whenComplete((saved, error) -> saved(started, Boolean.TRUE.equals(saved), error));
    }

    private void saved(long started, boolean saved, @Nullable Throwable error) {
        StoreOutcome outcome = error != null ? StoreOutcome.FAILED : saved ? StoreOutcome.OK : StoreOutcome.CONFLICT;
        events.storeCall(StoreOperation.SAVE, outcome, time.nanoTime() - started);
    }

    @Override
    public int forgetUser(long botId, long userId) {
        return store.forgetUser(botId, userId);
    }

    @Override
    public int moveChat(long botId, long fromChatId, long toChatId) {
        return store.moveChat(botId, fromChatId, toChatId);
    }

    @Override
    public Optional<String> loadBotRecord(long botId, String name) {
        return store.loadBotRecord(botId, name);
    }

    @Override
    public void saveBotRecord(long botId, String name, String document) {
        store.saveBotRecord(botId, name, document);
    }

    @Override
    public Optional<String> loadUserRecord(long botId, long userId, String name) {
        return store.loadUserRecord(botId, userId, name);
    }

    @Override
    public void saveUserRecord(long botId, long userId, String name, @Nullable String document) {
        store.saveUserRecord(botId, userId, name, document);
    }

    @Override
    public String toString() {
        return "Observed[" + store + "]";
    }
}
