package dev.tgdialog.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script sent by its SHA-1 (EVALSHA), and in full only when a server has not seen it yet (after a restart,
 * or on another Cluster node). Either way it is one round trip when the script is cached and runs atomically.
 */
final class LuaScript {
    private final String source;
    private final String sha;
    private final byte[] shaBytes;
    private final @Nullable Split split;

    /**
     * What a script of several keys does, in commands of one key each: for a Redis Cluster slot in migration, whose
     * keys may be on two masters for a while (the script is then refused with TRYAGAIN, and each command finds its
     * key's master through the client's redirection handling). {@code sent} counts each command.
     */
    @FunctionalInterface
    interface Split {
        @Nullable
        Object run(UnifiedJedis redis, List<byte[]> keys, List<byte[]> args, LongAdder sent);
    }

    LuaScript(String source) {
        this(source, null);
    }

    /** A script of several keys, with what it does key by key while their slot moves between Cluster masters. */
    LuaScript(String source, @Nullable Split split) {
        this.split = split;
        this.source = source;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            this.sha = HexFormat.of().formatHex(digest);
            this.shaBytes = sha.getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-1 in this JVM", e);
        }
    }

    /** The SHA-1 of the source, as EVALSHA names the script. */
    String sha() {
        return sha;
    }

    /** {@link #sha()} as sent, encoded once. */
    byte[] shaBytes() {
        return shaBytes;
    }

    /** The script's text, for EVAL when a server has not cached it. */
    String source() {
        return source;
    }

    /**
     * Runs the script on {@code redis} ({@code args} as {@link RedisCalls#script} takes them); {@code sent} counts
     * the EVAL that a NOSCRIPT reply costs. Bulk replies come back as bytes.
     */
    @Nullable
    Object run(UnifiedJedis redis, List<?> keys, List<?> args, LongAdder sent) {
        List<byte[]> rawKeys = keys.stream().map(RedisCalls::bytes).toList();
        List<byte[]> rawArgs = args.stream().map(RedisCalls::bytes).toList();
        try {
            try {
                return redis.evalsha(shaBytes, rawKeys, rawArgs);
            } catch (JedisNoScriptException e) {
                sent.increment();
                return redis.eval(source.getBytes(StandardCharsets.UTF_8), rawKeys, rawArgs);
            }
        } catch (JedisDataException e) {
            if (split == null || !isTryAgain(e)) {
                throw e;
            }
            // Atomic no more, but each key is the user's and the lock (or the stack's version) still guards it.
            return split.run(redis, rawKeys, rawArgs, sent);
        }
    }

    /** Whether Redis refused a command of several keys because their Cluster slot is being moved. */
    static boolean isTryAgain(JedisDataException e) {
        return e.getMessage() != null && e.getMessage().startsWith("TRYAGAIN");
    }
}
