package dev.tgdialog.store;

import dev.tgdialog.internal.store.CaffeineStackStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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
     * An in-process store on Caffeine: stacks expire {@code ttl} after their last read or write, and at most
     * {@code maxStacks} are kept (the least recently used go first).
     */
    static StackStore inMemory(Duration ttl, long maxStacks) {
        return new CaffeineStackStore(ttl, maxStacks);
    }

    /** {@link #inMemory(Duration, long)} with up to a million stacks. */
    static StackStore inMemory(Duration ttl) {
        return inMemory(ttl, 1_000_000);
    }
}
