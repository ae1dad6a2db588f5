package dev.tgdialog.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import redis.clients.jedis.UnifiedJedis;

/**
 * A {@link RedisStackStore} and a {@link RedisUpdateIsolation} made for each other: give a bot both, and an update
 * costs two Redis round trips instead of four.
 *
 * <pre>{@code
 * RedisDialogs redis = RedisDialogs.builder(jedis).keyPrefix("shop:").executor(pool).build();
 * DialogBot bot = DialogBot.builder(client).store(redis.store()).isolation(redis.isolation()).executor(pool)...;
 * }</pre>
 *
 * <p>Separately, an update costs: take the lock ({@code SET NX PX}), load the stack ({@code GETEX}), save it (the
 * compare-and-set script), release the lock (the compare-and-delete script). In a pair the lock script reads the
 * stack in the same atomic step, right after it took the lock, and the store's first load in the task (the engine's,
 * on the thread that starts the task) takes that document instead of asking Redis again:
 *
 * <ol>
 *   <li>lock and read: {@code SET lock token NX PX lease}, and only if that took it, {@code GETEX stack PX ttl};
 *   <li>save and release: the same compare-and-set as ever, then, in the same script, the same compare-and-delete
 *       of the lock (the engine saves once, as the last change of an update; what it does after, answering and
 *       logging, no longer needs the lock).
 * </ol>
 *
 * Nothing is weaker: the stack is still read only once the lock is held (in the same atomic script), the save still
 * checks the version, the release still deletes only our own token, a slow task still renews its lease and a crashed
 * holder's lock still frees itself when the lease runs out. The document read with the lock is used once, for that
 * key only; any other load (a second one, another key's, another thread's, one after a save) reads Redis as the
 * store alone would. Both keys share a Cluster slot (the hash tag), so the script runs on Cluster too.
 *
 * <p>Both parts work as they do alone (the store can be used without the isolation, as a plain store). {@link #close}
 * closes the isolation; the caller owns the Jedis client.
 */
public final class RedisDialogs implements AutoCloseable {
    private final RedisStackStore store;
    private final RedisUpdateIsolation isolation;

    private RedisDialogs(Builder b) {
        LockedReads reads = new LockedReads();
        this.store = b.store.keyPrefix(b.prefix).lockedReads(reads).build();
        this.isolation = b.isolation.keyPrefix(b.prefix).loadsFor(reads, store.ttlMillis()).build();
    }

    /**
     * Starts a pair on {@code redis}, with the defaults of both: prefix {@code "tgdialog:"}, stacks kept 7 days, no
     * migration, a 15 s lease, 20 s of waiting for a taken lock, a pool of 16 handler threads of its own.
     */
    public static Builder builder(UnifiedJedis redis) {
        return new Builder(redis);
    }

    /** The stack store; give it to the bot with {@link #isolation()}. */
    public RedisStackStore store() {
        return store;
    }

    /** The update isolation; give it to the bot with {@link #store()}. */
    public RedisUpdateIsolation isolation() {
        return isolation;
    }

    /** Closes the isolation (its timer, and its pool if it made one). */
    @Override
    public void close() {
        isolation.close();
    }

    /** Settings of a {@link RedisDialogs} pair: those of the store and of the isolation, with one key prefix. */
    public static final class Builder {
        private final RedisStackStore.Builder store;
        private final RedisUpdateIsolation.Builder isolation;
        private String prefix = RedisKeys.DEFAULT_PREFIX;

        private Builder(UnifiedJedis redis) {
            Objects.requireNonNull(redis, "redis");
            this.store = RedisStackStore.builder(redis);
            this.isolation = RedisUpdateIsolation.builder(redis);
        }

        /** What every key starts with, the store's and the lock's ({@code "tgdialog:"} by default). No braces. */
        public Builder keyPrefix(String prefix) {
            this.prefix = RedisKeys.checkPrefix(Objects.requireNonNull(prefix, "prefix"));
            return this;
        }

        /** See {@link RedisStackStore.Builder#ttl}. */
        public Builder ttl(Duration ttl) {
            store.ttl(ttl);
            return this;
        }

        /** See {@link RedisStackStore.Builder#migration}. */
        public Builder migration(StackMigration migration) {
            store.migration(migration);
            return this;
        }

        /** See {@link RedisUpdateIsolation.Builder#lease}. */
        public Builder lease(Duration lease) {
            isolation.lease(lease);
            return this;
        }

        /** See {@link RedisUpdateIsolation.Builder#maxWait}. */
        public Builder maxWait(Duration maxWait) {
            isolation.maxWait(maxWait);
            return this;
        }

        /** See {@link RedisUpdateIsolation.Builder#executor}: the bot's executor, as a rule. */
        public Builder executor(Executor executor) {
            isolation.executor(executor);
            return this;
        }

        public RedisDialogs build() {
            return new RedisDialogs(this);
        }
    }
}
