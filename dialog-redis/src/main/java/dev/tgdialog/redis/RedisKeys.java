package dev.tgdialog.redis;

import dev.tgdialog.store.StackKey;
import org.jspecify.annotations.Nullable;

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
            throw new IllegalArgumentException(
                    "a key prefix must not contain '{' or '}' (they would move the Cluster " + "hash tag): " + prefix);
        }
        return prefix;
    }

    static String stack(String prefix, StackKey key) {
        return stack(prefix, tail(key));
    }

    static String lock(String prefix, StackKey key) {
        return lock(prefix, tail(key));
    }

    /**
     * The key of a bot record: {@code <prefix>bot:{bot}:name}. Its hash tag is the bot's alone, and it starts with
     * neither {@code stack:} nor {@code lock:}, so the scans of {@code forgetUser} and {@code moveChat} never take it.
     */
    static String botRecord(String prefix, long botId, String name) {
        return prefix + "bot:{" + botId + "}:" + name;
    }

    /**
     * The key of a user record: {@code <prefix>user:{bot:user:user}:name}. Its hash tag is that of the user's private
     * chat, so it lands on the slot of that chat's stacks and one script or pipeline can read both; it starts with
     * neither {@code stack:} nor {@code lock:}, so {@link #parse} never takes it for one of theirs.
     */
    static String userRecord(String prefix, long botId, long userId, String name) {
        return userRecords(prefix, botId, userId) + name;
    }

    /** What every user record key of {@code userId} starts with. */
    static String userRecords(String prefix, long botId, long userId) {
        return prefix + "user:{" + botId + ":" + userId + ":" + userId + "}:";
    }

    /** The stack key of the {@link #tail} {@code tail}: one tail serves both keys of an update. */
    static String stack(String prefix, String tail) {
        return prefix + "stack:" + tail;
    }

    static String lock(String prefix, String tail) {
        return prefix + "lock:" + tail;
    }

    /**
     * A SCAN pattern for the keys of a kind (a glob: {@code "stack"}, {@code "lock"}, {@code "*"} for both) whose hash tag starts with
     * {@code tagStart} and then matches {@code tagRest} (a glob over what is left of the tag and the tail). The
     * prefix and the tag's start are escaped, so a prefix with glob characters matches only itself. A pattern only
     * narrows what SCAN returns: callers {@link #parse} each key and check it exactly (a stack id may hold anything).
     */
    static String pattern(String prefix, String kind, String tagStart, String tagRest) {
        return glob(prefix) + kind + glob(":{" + tagStart) + tagRest;
    }

    private static String glob(String literal) {
        StringBuilder escaped = new StringBuilder(literal.length() + 8);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** A key of this layout taken apart: its kind ({@code "stack"} or {@code "lock"}) and its stack key. */
    record Parsed(String kind, StackKey key) {}

    /** {@code redisKey} taken apart, or null when it is not a stack or lock key under {@code prefix}. */
    static @Nullable Parsed parse(String prefix, String redisKey) {
        if (!redisKey.startsWith(prefix)) {
            return null;
        }
        String rest = redisKey.substring(prefix.length());
        String kind = rest.startsWith("stack:{") ? "stack" : rest.startsWith("lock:{") ? "lock" : null;
        if (kind == null) {
            return null;
        }
        int open = kind.length() + 2;
        int close = rest.indexOf('}', open);
        int threadEnd = close < 0 ? -1 : rest.indexOf(':', close + 2);
        if (close < 0 || threadEnd < 0 || rest.length() <= close + 1 || rest.charAt(close + 1) != ':') {
            return null;
        }
        String[] tag = rest.substring(open, close).split(":", -1);
        if (tag.length != 3) {
            return null;
        }
        try {
            StackKey key = new StackKey(
                    Long.parseLong(tag[0]),
                    Long.parseLong(tag[1]),
                    Long.parseLong(tag[2]),
                    Long.parseLong(rest.substring(close + 2, threadEnd)),
                    rest.substring(threadEnd + 1));
            // Only a key this layout would write (no "+1", no leading zeros) counts as one of ours.
            return redisKey.equals(kind.equals("stack") ? stack(prefix, key) : lock(prefix, key))
                    ? new Parsed(kind, key)
                    : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What a stack's keys end with: the hash tag of its user, then its thread and stack id. */
    static String tail(StackKey key) {
        return "{" + key.botId() + ":" + key.chatId() + ":" + key.userId() + "}:" + key.threadId() + ":"
                + key.stackId();
    }
}
