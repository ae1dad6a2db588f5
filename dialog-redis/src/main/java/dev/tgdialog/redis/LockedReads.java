package dev.tgdialog.redis;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link RedisDialogs} pair shares: the stack document that the isolation's lock script read in the same
 * atomic step that took the lock, handed to the store's next {@code load} of that stack on the thread that starts
 * the task (the engine loads there, before anything else). It is taken once; a second load, a load of another key,
 * a load on another thread, or a load after a save in the task reads Redis as usual.
 */
final class LockedReads {
    private final ThreadLocal<@Nullable Read> current = new ThreadLocal<>();

    /** The document read under the lock of {@code stackKey}; {@code document} null: no stack stored. */
    static final class Read {
        final String stackKey;
        final @Nullable String document;
        boolean taken;

        Read(String stackKey, @Nullable String document) {
            this.stackKey = stackKey;
            this.document = document;
        }
    }

    /** Offers {@code read} to this thread's loads until {@link #exit}; returns what was offered before. */
    @Nullable Read enter(Read read) {
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

    /** The document read under the lock of {@code stackKey}, once; null when there is none to use (read Redis). */
    @Nullable Read take(String stackKey) {
        Read read = current.get();
        if (read == null || read.taken || !read.stackKey.equals(stackKey)) {
            return null;
        }
        read.taken = true;
        return read;
    }

    /** The stack is being written: what was read under the lock is no longer its state. */
    void forget(String stackKey) {
        Read read = current.get();
        if (read != null && read.stackKey.equals(stackKey)) {
            read.taken = true;
        }
    }
}
