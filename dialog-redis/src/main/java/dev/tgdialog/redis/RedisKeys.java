package dev.tgdialog.redis;

import dev.tgdialog.store.StackKey;

/**
 * The key layout shared by the store and the lock. The user part is a Cluster hash tag, so a stack and its lock
 * always land on one slot: {@code <prefix>stack:{bot:chat:user}:thread:stackId} and
 * {@code <prefix>lock:{bot:chat:user}:thread:stackId}. The fixed part before the tag keeps the two kinds apart
 * whatever the stack id holds.
 */
final class RedisKeys {
    static final String DEFAULT_PREFIX = "tgdialog:";

    private RedisKeys() {}

    static String checkPrefix(String prefix) {
        if (prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
            throw new IllegalArgumentException("a key prefix must not contain '{' or '}' (they would move the Cluster "
                    + "hash tag): " + prefix);
        }
        return prefix;
    }

    static String stack(String prefix, StackKey key) {
        return stack(prefix, tail(key));
    }

    static String lock(String prefix, StackKey key) {
        return lock(prefix, tail(key));
    }

    /** The stack key of the {@link #tail} {@code tail}: one tail serves both keys of an update. */
    static String stack(String prefix, String tail) {
        return prefix + "stack:" + tail;
    }

    static String lock(String prefix, String tail) {
        return prefix + "lock:" + tail;
    }

    /** What a stack's keys end with: the hash tag of its user, then its thread and stack id. */
    static String tail(StackKey key) {
        return "{" + key.botId() + ":" + key.chatId() + ":" + key.userId() + "}:" + key.threadId() + ":"
                + key.stackId();
    }
}
