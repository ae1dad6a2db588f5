package dev.tgdialog.redis;

import org.jspecify.annotations.Nullable;

/**
 * The user record read in the same round trip as a private chat's stack, handed to the store's next
 * {@code loadUserRecord} of it on the thread that loaded the stack: the engine reads the user's language there, after
 * the stack, so an update of a private chat costs no round trip more for it. Nothing is read until the bot first asks
 * for the language (a bot that never reads it pays nothing), and then only that record: others (a bot's own, or the
 * payments the engine keeps) are read when asked, each with a {@code GET}, so one asked first cannot take the
 * language's place in every update's round trip. Each
 * load replaces what the thread was offered, and a read is taken once, so an offer never outlives the update whose
 * load made it. Shared by the store and, in a {@link RedisDialogs} pair, the isolation whose lock script reads it.
 */
final class UserRecordReads {
    /** The record the engine reads after every stack of a private chat ({@code StackStore.loadUserRecord}). */
    static final String LANGUAGE = "language";

    /** Whether the bot asked for the language: from then on it is read with every private chat's stack. */
    private volatile boolean languageAsked;

    private final ThreadLocal<@Nullable Read> offered = new ThreadLocal<>();

    /** The record under {@code redisKey} as it was read: {@code document} null when there is none. */
    record Read(String redisKey, @Nullable String document) {}

    /** The name of the record to read with a private chat's stack, or null while no record was asked for. */
    @Nullable
    String name() {
        return languageAsked ? LANGUAGE : null;
    }

    /** Notes that the bot reads the record {@code recordName}: later loads of private chats read the language too. */
    void asked(String recordName) {
        if (recordName.equals(LANGUAGE)) {
            languageAsked = true;
        }
    }

    /** Offers {@code read} to this thread's next {@link #take}, replacing what was offered; null offers nothing. */
    void offer(@Nullable Read read) {
        if (read == null) {
            offered.remove();
        } else {
            offered.set(read);
        }
    }

    /** The record under {@code redisKey} read with this thread's last stack, once; null when there is none to use. */
    @Nullable
    Read take(String redisKey) {
        Read read = offered.get();
        if (read == null || !read.redisKey().equals(redisKey)) {
            return null;
        }
        offered.remove();
        return read;
    }
}
