package dev.tgdialog.redis;

import dev.tgdialog.store.Stack;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The stacks this process last read or saved, each beside the exact document it was read from or written as, so
 * that a user's next update can skip decoding a document that has not changed since. A fixed table of slots
 * chosen by the key's hash, one stack a slot: a newer key takes the slot of an older one, so the table holds at
 * most its size in stacks and costs no upkeep, and users who click in turn within a short while (a wizard's steps)
 * find theirs. Nothing kept is returned for a document that differs from the one it came with by a single byte.
 * Thread-safe without locks: a slot holds one immutable entry at a time.
 */
final class DecodedStacks {
    private record Entry(String key, byte[] document, Stack stack) {}

    private final AtomicReferenceArray<@Nullable Entry> slots;
    private final int mask;

    /** A table of at least {@code size} slots (rounded up to a power of two); {@code size} is 1 or more. */
    DecodedStacks(int size) {
        this.slots = new AtomicReferenceArray<>(size <= 1 ? 1 : Integer.highestOneBit(size - 1) << 1);
        this.mask = this.slots.length() - 1;
    }

    /** The stack kept for {@code key} if it came with exactly {@code document}; else null. */
    @Nullable
    Stack get(String key, byte[] document) {
        Entry e = slots.getAcquire(slot(key));
        return e != null && e.key.equals(key) && Arrays.equals(e.document, document) ? e.stack : null;
    }

    /** Keeps {@code stack}, read from or written as {@code document} (not changed afterwards), for {@code key}. */
    void put(String key, byte[] document, Stack stack) {
        slots.setRelease(slot(key), new Entry(key, document, stack));
    }

    /** Drops what is kept for {@code key} (its stack was deleted, or a save over it was refused). */
    void forget(String key) {
        int slot = slot(key);
        Entry e = slots.get(slot);
        if (e != null && e.key.equals(key)) {
            slots.compareAndSet(slot, e, null);
        }
    }

    private int slot(String key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }
}
