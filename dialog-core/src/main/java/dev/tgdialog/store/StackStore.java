package dev.tgdialog.store;

import dev.tgdialog.internal.store.CaffeineStackStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Keeps stacks between updates. Implementations must be thread-safe; every implementation passes the same contract
 * test suite ({@code StackStoreContract}, shipped in dialog-core's test jar).
 */
public interface StackStore {

    /** The stack stored under this key, if any (an expired stack is absent). */
    Optional<Stack> load(StackKey key);

    /**
     * Stores {@code stack} if the stored stack's version is still {@code expectedVersion} (0: nothing stored), in
     * one atomic step; {@code stack.version()} must be {@code expectedVersion + 1}.
     *
     * @return false when another writer got there first (nothing was changed)
     * @throws StackStoreException when the store cannot be reached
     */
    boolean save(StackKey key, long expectedVersion, Stack stack);

    /**
     * {@link #save} without holding the caller's thread while the store answers: a store over the network completes
     * the stage when its reply arrives (on any thread; the engine goes on on its own executor), so a handler thread
     * is not parked for each save. The default saves here and now.
     *
     * @return completes with {@link #save}'s result, or fails with a {@link StackStoreException}
     */
    default CompletionStage<Boolean> saveAsync(StackKey key, long expectedVersion, Stack stack) {
        try {
            return CompletableFuture.completedFuture(save(key, expectedVersion, stack));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Deletes every stack of one user: those of their private chat with the bot ({@code chatId == userId}, every
     * thread and stack id) and their own stacks in groups ({@code userId} field), and anything else the store keeps
     * for them. For a privacy request, and for a user who blocked the bot. Stacks other users share with them (a
     * group's shared stack, {@code userId} 0) stay; the user's {@linkplain #loadUserRecord records} go too. An update of theirs in flight meanwhile may still save: its
     * compare-and-set fails for a stack that existed, and a stack it starts afresh (version 0) is new state.
     *
     * <p>Blocking, and it may walk every stack the store holds: a request of its own, not a per-update call.
     *
     * @return how many stacks were deleted
     * @throws StackStoreException when the store cannot be reached (some stacks may be gone already; calling
     *     again finishes the job)
     */
    default int forgetUser(long botId, long userId) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot forget a user: implement "
                + "StackStore.forgetUser to delete a user's stacks (the built-in stores do)");
    }

    /**
     * Moves every stack of chat {@code fromChatId} to {@code toChatId}, for a group upgraded to a supergroup
     * (Telegram's {@code migrate_to_chat_id}): same bot, user, thread and stack id, same frames, data and version,
     * so the next load under the new key returns it and the engine's next save there (expecting that version)
     * succeeds. The moved stack's {@code lastMessage} is cleared: it names a message of the old chat, so the next
     * render sends a new message instead of editing one of that id in the new chat.
     *
     * <p>A stack that already exists under the new key (an update of the new chat came first) is never
     * overwritten: it is kept, and the old chat's stack for that key is dropped. Blocking, and it may walk every
     * stack the store holds; call it once per migration.
     *
     * @return how many stacks were moved (not counting the dropped ones)
     * @throws StackStoreException when the store cannot be reached (calling again finishes the job)
     */
    default int moveChat(long botId, long fromChatId, long toChatId) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot move a chat's stacks: implement "
                + "StackStore.moveChat to follow a group upgraded to a supergroup (the built-in stores do)");
    }

    /**
     * The bot-wide record {@code name} of bot {@code botId}, if one was saved: a small document the bot keeps about
     * itself rather than about a user (for example which command lists it published to Telegram). Records do not
     * expire and are not touched by {@link #forgetUser} or {@link #moveChat}.
     *
     * @throws StackStoreException when the store cannot be reached
     */
    default Optional<String> loadBotRecord(long botId, String name) {
        throw new UnsupportedOperationException(getClass().getName() + " keeps no bot records: implement "
                + "StackStore.loadBotRecord and saveBotRecord (the built-in stores do)");
    }

    /**
     * Stores {@code document} as the bot-wide record {@code name} of bot {@code botId}, replacing the one there
     * (the last write wins: a record is written once at start, not per update).
     *
     * @throws StackStoreException when the store cannot be reached
     */
    default void saveBotRecord(long botId, String name, String document) {
        throw new UnsupportedOperationException(getClass().getName() + " keeps no bot records: implement "
                + "StackStore.loadBotRecord and saveBotRecord (the built-in stores do)");
    }

    /**
     * The record {@code name} of user {@code userId} of bot {@code botId}, if one was saved: a small document the bot
     * keeps about a user across chats and dialogs (the language they picked). Records outlive stacks: they do not
     * expire with them, {@link #forgetUser} deletes them, {@link #moveChat} leaves them.
     *
     * <p>The engine reads the record {@code "language"} while it handles an update of the user's private chat, after
     * loading that chat's stack: a store over the network should fetch it in the same round trip as the stack of a
     * private chat ({@code chatId == userId}), as the built-in Redis store does. The default keeps no records.
     *
     * @throws StackStoreException when the store cannot be reached
     */
    default Optional<String> loadUserRecord(long botId, long userId, String name) {
        return Optional.empty();
    }

    /**
     * Stores {@code document} as the record {@code name} of user {@code userId}, replacing the one there (the last
     * write wins); {@code null} deletes it. Written when a user picks a language, and when the language of their
     * Telegram app changes: seldom, never once per update.
     *
     * @throws StackStoreException when the store cannot be reached
     */
    default void saveUserRecord(long botId, long userId, String name, @Nullable String document) {
        throw new UnsupportedOperationException(getClass().getName() + " keeps no user records: implement "
                + "StackStore.loadUserRecord and saveUserRecord (the built-in stores do)");
    }

    /**
     * An in-process store on Caffeine: stacks expire {@code ttl} after their last read or write, and at most
     * {@code maxStacks} are kept (past it Caffeine evicts those it finds least likely to be used again, by how
     * recently and how often they were).
     */
    static StackStore inMemory(Duration ttl, long maxStacks) {
        return new CaffeineStackStore(ttl, maxStacks);
    }

    /** {@link #inMemory(Duration, long)} with up to a million stacks. */
    static StackStore inMemory(Duration ttl) {
        return inMemory(ttl, 1_000_000);
    }
}
