package dev.tgdialog.redis;

import dev.tgdialog.store.StackKey;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link RedisDialogs} pair shares: the stack document that the isolation's lock script read in the same
 * atomic step that took the lock, handed to the store's next {@code load} of that stack on the thread that starts
 * the task (the engine loads there, before anything else). It is taken once; a second load, a load of another key,
 * a load on another thread, or a load after a save in the task reads Redis as usual. The other way round, the
 * store's save of that stack releases the lock in its own script (the engine saves once, last), so an update costs
 * two round trips: take-and-read, save-and-release.
 */
final class LockedReads {
    private final ThreadLocal<@Nullable Read> current = new ThreadLocal<>();

    /**
     * The document read under the lock of {@code key}'s stack, stored under {@code stackKey}; {@code document} null:
     * no stack stored. The store uses its Redis keys as they are instead of building them again.
     */
    static final class Read {
        final StackKey key;
        final String stackKey;
        /** The keys and token as sent: the save sends them again, and they are encoded once per update. */
        final byte[] stackKeyBytes;

        final byte @Nullable [] document;
        final String lockKey;
        final byte[] lockKeyBytes;
        final byte[] tokenBytes;
        /** The user record read with the stack ({@link UserRecordReads}), or null when none was read. */
        final @Nullable String recordKey;

        final byte @Nullable [] record;
        boolean taken;
        /** Set once the store's save released the lock in the same script: the isolation must not again. */
        volatile boolean released;

        Read(
                StackKey key,
                String stackKey,
                byte[] stackKeyBytes,
                byte @Nullable [] document,
                String lockKey,
                byte[] lockKeyBytes,
                byte[] tokenBytes,
                @Nullable String recordKey,
                byte @Nullable [] record) {
            this.key = key;
            this.stackKey = stackKey;
            this.stackKeyBytes = stackKeyBytes;
            this.document = document;
            this.lockKey = lockKey;
            this.lockKeyBytes = lockKeyBytes;
            this.tokenBytes = tokenBytes;
            this.recordKey = recordKey;
            this.record = record;
        }
    }

    /** Offers {@code read} to this thread's loads until {@link #exit}; returns what was offered before. */
    @Nullable
    Read enter(Read read) {
        Read before = current.get();
        current.set(read);
        return before;
    }

    void exit(@Nullable Read before) {
        if (before == null) {
            current.remove();
        } else {
            current.set(before);
        }
    }

    /** The document read under the lock of {@code key}'s stack, once; null when there is none to use (read Redis). */
    @Nullable
    Read take(StackKey key) {
        Read read = current.get();
        if (read == null || read.taken || !read.key.equals(key)) {
            return null;
        }
        read.taken = true;
        return read;
    }

    /**
     * The lock held for {@code key}'s stack by this thread's task, when the store's save may release it in the same
     * script (the save is the task's last change to the stack); null otherwise.
     */
    @Nullable
    Read lockOf(StackKey key) {
        Read read = current.get();
        return read != null && !read.released && read.key.equals(key) ? read : null;
    }

    /** The stack is being written: what was read under the lock is no longer its state. */
    void forget(StackKey key) {
        Read read = current.get();
        if (read != null && read.key.equals(key)) {
            read.taken = true;
        }
    }
}
