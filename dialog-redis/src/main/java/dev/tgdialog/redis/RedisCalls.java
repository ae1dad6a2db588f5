package dev.tgdialog.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.GetExParams;
import redis.clients.jedis.params.SetParams;

/**
 * The few Redis commands the store and the isolation send, as futures, so one code path serves a plain client
 * (the call runs on the caller's thread and the future is done when it returns) and a {@link RedisPipeline} (the
 * future completes on the pipeline's I/O thread: callers either wait for it or continue with an {@code *Async}
 * step on their executor, never with code that would run on that thread). A failure completes the future with
 * the {@link JedisException}. Thread-safe.
 */
interface RedisCalls {

    /**
     * EVALSHA, and EVAL when the server does not have the script: one command each. Each of {@code keys} and
     * {@code args} is a {@code String} or the bytes to send as they are (a stack document or a key, encoded once).
     */
    CompletableFuture<@Nullable Object> script(LuaScript script, List<?> keys, List<?> args);

    /** {@code GETEX key PX ttl}: the value's bytes, or null when there is none. */
    CompletableFuture<byte @Nullable []> getEx(String key, long ttlMillis);

    /** {@code SET key value NX PX px}: whether it was set. */
    CompletableFuture<Boolean> setNxPx(String key, String value, long px);

    /** How many commands were sent (each command of a pipelined write counts; NOSCRIPT's EVAL counts too). */
    long commandsSent();

    /**
     * How many requests were sent whose reply a caller waits for: a command on its own, or commands sent together as
     * one request; a NOSCRIPT reply's EVAL counts once more.
     */
    long roundTrips();

    /** Whether futures may complete on another thread (and callers must then not run their own code there). */
    boolean completesElsewhere();

    /** Whether the calling thread is the one that completes the futures (a pipeline's I/O thread). */
    default boolean completesOnThisThread() {
        return false;
    }

    /** Calls on {@code redis}, one command per round trip, on the caller's thread. */
    static RedisCalls direct(UnifiedJedis redis) {
        return new Direct(redis);
    }

    /**
     * Waits for {@code reply} and hands back its value, throwing its failure as it was (a {@link JedisException},
     * or the pipeline's {@link IllegalStateException} once closed) rather than wrapped.
     */
    static <T> T await(CompletableFuture<T> reply) {
        try {
            return reply.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A script argument as the bytes sent: a {@code byte[]} as it is, a {@code String} in UTF-8. */
    static byte[] bytes(Object arg) {
        if (arg instanceof byte[] bytes) {
            return bytes;
        }
        if (arg instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("a script argument is a String or a byte[], not " + arg.getClass());
    }

    /** Blocking calls on a {@link UnifiedJedis}: standalone, Sentinel or Cluster, whatever the client serves. */
    final class Direct implements RedisCalls {
        private final UnifiedJedis redis;
        private final LongAdder sent = new LongAdder();

        private Direct(UnifiedJedis redis) {
            this.redis = redis;
        }

        @Override
        public CompletableFuture<@Nullable Object> script(LuaScript script, List<?> keys, List<?> args) {
            sent.increment();
            try {
                return CompletableFuture.completedFuture(script.run(redis, keys, args, sent));
            } catch (JedisException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public CompletableFuture<byte @Nullable []> getEx(String key, long ttlMillis) {
            sent.increment();
            try {
                return CompletableFuture.completedFuture(redis.getEx(
                        key.getBytes(StandardCharsets.UTF_8),
                        GetExParams.getExParams().px(ttlMillis)));
            } catch (JedisException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public CompletableFuture<Boolean> setNxPx(String key, String value, long px) {
            sent.increment();
            try {
                return CompletableFuture.completedFuture("OK"
                        .equals(redis.set(key, value, SetParams.setParams().nx().px(px))));
            } catch (JedisException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public long commandsSent() {
            return sent.sum();
        }

        /** Each command waits for its own reply. */
        @Override
        public long roundTrips() {
            return sent.sum();
        }

        @Override
        public boolean completesElsewhere() {
            return false;
        }
    }
}
