package dev.tgdialog.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script sent by its SHA-1 (EVALSHA), and in full only when a server has not seen it yet (after a restart,
 * or on another Cluster node). Either way it is one round trip when the script is cached and runs atomically.
 */
final class LuaScript {
    private final String source;
    private final String sha;
    private final byte[] shaBytes;

    LuaScript(String source) {
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
    Object run(UnifiedJedis redis, List<String> keys, List<?> args, LongAdder sent) {
        List<byte[]> rawKeys = keys.stream().map(RedisCalls::bytes).toList();
        List<byte[]> rawArgs = args.stream().map(RedisCalls::bytes).toList();
        try {
            return redis.evalsha(shaBytes, rawKeys, rawArgs);
        } catch (JedisNoScriptException e) {
            sent.increment();
            return redis.eval(source.getBytes(StandardCharsets.UTF_8), rawKeys, rawArgs);
        }
    }
}
