package dev.tgdialog.redis;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.UnifiedJedis;

/**
 * What the builders of the store and the lock share: the client, the checked key prefix and the calls a
 * {@link RedisDialogs} pair sends through. Not thread-safe; build once at startup.
 *
 * @param <B> the concrete builder, which the setters return
 */
abstract class RedisBuilder<B extends RedisBuilder<B>> {
    final UnifiedJedis redis;
    String prefix = RedisKeys.DEFAULT_PREFIX;
    private @Nullable RedisCalls calls;

    RedisBuilder(UnifiedJedis redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    /**
     * What every key starts with ({@code "tgdialog:"} by default); give each bot sharing a Redis its own, and its
     * store and lock the same one. Must not contain braces, which would move the Cluster hash tag.
     */
    public B keyPrefix(String prefix) {
        this.prefix = RedisKeys.checkPrefix(Objects.requireNonNull(prefix, "prefix"));
        return self();
    }

    /** Sends through {@code calls} instead of the client (a {@link RedisDialogs} pair's pipeline). */
    B calls(RedisCalls calls) {
        this.calls = calls;
        return self();
    }

    /** The calls to send through: the pair's pipeline, else the client directly. */
    RedisCalls calls() {
        return calls != null ? calls : RedisCalls.direct(redis);
    }

    /** {@code value}, when it is at least {@code minMillis}; else an exception naming {@code what}. */
    static Duration atLeast(Duration value, long minMillis, String what) {
        if (value.toMillis() < minMillis) {
            throw new IllegalArgumentException(what + " must be at least " + minMillis + " ms, was " + value);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
