package dev.tgdialog.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.Pool;

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
 * <p>On a standalone Redis (a {@link redis.clients.jedis.RedisClient}, Jedis 7's standalone client, or the deprecated
 * {@link JedisPooled}) the pair pipelines: the commands of all updates in flight
 * share socket writes and reads through one connection and I/O thread of the pair's own (see
 * {@link Builder#pipelined}); an update still costs two round trips, and a task still runs on the executor, never
 * on the I/O thread. A command sent while nothing else is queued or on the wire (a quiet bot, a lone user) is
 * written and read by the thread that sends it, which then continues at once. There the lock script is two plain
 * commands instead, {@code SET NX PX} then {@code GETEX}, queued back to back: they share a write, and Redis runs them
 * in that order on the one connection (so the stack is still read only once the lock is held). Sentinel and Cluster clients send one blocking command
 * per round trip.
 *
 * <p>Both parts work as they do alone (the store can be used without the isolation, as a plain store). {@link #close}
 * closes the isolation and the pipeline; the caller owns the Jedis client. Thread-safe.
 */
public final class RedisDialogs implements AutoCloseable {
    private static final AtomicInteger PIPELINES = new AtomicInteger();

    private final RedisStackStore store;
    private final RedisUpdateIsolation isolation;
    private final RedisCalls calls;
    private final @Nullable RedisPipeline pipeline;

    private RedisDialogs(Builder b) {
        LockedReads reads = new LockedReads();
        UserRecordReads records = new UserRecordReads();
        Pool<Connection> pool = !b.pipelined
                ? null
                : b.redis instanceof redis.clients.jedis.RedisClient client
                        ? client.getPool()
                        : b.redis instanceof JedisPooled pooled ? pooled.getPool() : null;
        if (pool != null) {
            this.pipeline =
                    new RedisPipeline(() -> connect(pool), "tgdialog-redis-pipeline-" + PIPELINES.incrementAndGet());
            this.calls = pipeline;
        } else {
            this.pipeline = null;
            this.calls = RedisCalls.direct(b.redis);
        }
        this.store = b.store
                .keyPrefix(b.prefix)
                .lockedReads(reads, records)
                .calls(calls)
                .build();
        this.isolation = b.isolation
                .keyPrefix(b.prefix)
                .loadsFor(reads, records, store.ttlMillis())
                .calls(calls)
                .build();
    }

    /**
     * A connection of the pipeline's own, made by the client pool's factory (so with the client's address, password,
     * database, TLS and timeouts) but never borrowed from the pool: it would hold a pool slot for good.
     */
    private static Connection connect(Pool<Connection> pool) {
        try {
            return pool.getFactory().makeObject().getObject();
        } catch (JedisException e) {
            throw e;
        } catch (Exception e) {
            throw new JedisConnectionException("could not open a Redis connection for the pipeline", e);
        }
    }

    /**
     * Starts a pair on {@code redis}, with the defaults of both: prefix {@code "tgdialog:"}, stacks kept 7 days, no
     * migration, a 15 s lease, 20 s of waiting for a taken lock, a pool of 16 handler threads of its own, at most 20
     * tasks per key queued or running.
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

    /**
     * How many commands the pair has sent to Redis so far: every command counts once, however many shared a
     * pipelined write (an EVALSHA, the EVAL that a NOSCRIPT reply costs, a GETEX, a lease renewal). For monitoring,
     * such as commands per update.
     */
    public long commandsSent() {
        return calls.commandsSent();
    }

    /**
     * How many requests the pair sent whose reply a caller waited for: each command on its own counts once, and so
     * do commands sent together as one request (the lock with the stack's read), whatever else shared their write.
     * A NOSCRIPT reply costs one more. For monitoring, such as round trips per update beside commands per update.
     */
    public long roundTrips() {
        return calls.roundTrips();
    }

    /**
     * How many writes to Redis the pair's pipeline made so far, each answered by one wait for the replies of what it
     * carried (many requests under load, one when a caller sent its own); 0 when the pair does not pipeline. For
     * monitoring, with {@link #wireNanos}.
     */
    public long writes() {
        return pipeline == null ? 0 : pipeline.writes();
    }

    /**
     * How long the pair's pipeline spent on its {@link #writes} so far, in nanoseconds: from the first byte written
     * to the last reply read, the round trip to Redis as the bot sees it, with redis-server's work in it; 0 when the
     * pair does not pipeline. Divided by the writes, the mean round trip.
     */
    public long wireNanos() {
        return pipeline == null ? 0 : pipeline.wireNanos();
    }

    /** Whether the pair pipelines its commands (see {@link Builder#pipelined}). */
    public boolean pipelined() {
        return pipeline != null;
    }

    /**
     * Closes the isolation (its timer, and its pool if it made one), then the pipeline and its connection; the
     * caller's client stays open.
     */
    @Override
    public void close() {
        isolation.close();
        if (pipeline != null) {
            pipeline.close();
        }
    }

    /** Settings of a {@link RedisDialogs} pair: those of the store and of the isolation, with one key prefix. */
    public static final class Builder {
        private final RedisStackStore.Builder store;
        private final RedisUpdateIsolation.Builder isolation;
        private final UnifiedJedis redis;
        private String prefix = RedisKeys.DEFAULT_PREFIX;
        private boolean pipelined = true;

        private Builder(UnifiedJedis redis) {
            this.redis = Objects.requireNonNull(redis, "redis");
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

        /** See {@link RedisStackStore.Builder#decodedStacks}. */
        public Builder decodedStacks(int maximum) {
            store.decodedStacks(maximum);
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

        /** See {@link RedisUpdateIsolation.Builder#maxQueuedPerKey}: 20 by default. */
        public Builder maxQueuedPerKey(int maxQueuedPerKey) {
            isolation.maxQueuedPerKey(maxQueuedPerKey);
            return this;
        }

        /** See {@link RedisUpdateIsolation.Builder#executor}: the bot's executor, as a rule. */
        public Builder executor(Executor executor) {
            isolation.executor(executor);
            return this;
        }

        /**
         * Whether to pipeline on a standalone Redis (on by default): when the client is a
         * {@link redis.clients.jedis.RedisClient} or a {@link JedisPooled} (told by what it is), the
         * pair opens one connection of its own (with the client's settings) and an I/O thread that writes the
         * commands of all updates in flight together and reads their replies together, so at load one socket write
         * and one read carry dozens of commands; a lone command still goes out at once. Each update still costs
         * two round trips (three commands: the lock and the read are two plain ones). Any other client (Sentinel, Cluster, a custom {@link UnifiedJedis}) is used as it
         * is, one blocking command per round trip, as is a standalone client with this off.
         */
        public Builder pipelined(boolean pipelined) {
            this.pipelined = pipelined;
            return this;
        }

        public RedisDialogs build() {
            return new RedisDialogs(this);
        }
    }
}
