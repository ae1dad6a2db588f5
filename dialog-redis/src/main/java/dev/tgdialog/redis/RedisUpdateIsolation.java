package dev.tgdialog.redis;

import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStoreException;
import dev.tgdialog.store.UpdateIsolation;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.GetExParams;
import redis.clients.jedis.params.SetParams;

/**
 * {@link UpdateIsolation} across bot instances: the updates of one stack key run one at a time however many
 * processes share the Redis.
 *
 * <p>Within a process, a key's tasks queue in arrival order (the in-process isolation; a waiting task holds no
 * thread), at most {@link Builder#maxQueuedPerKey} of them: past it a task fails at once with a
 * {@link dev.tgdialog.store.QueueFullException} and never asks Redis for anything. The task at the head of the queue then takes a Redis lock, {@code SET <prefix>lock:{bot:chat:user}:...
 * <token> NX PX <lease>} (the token: 128 random bits of the isolation, then a counter), runs, and releases it
 * with a compare-and-delete script, so only the holder of the token can release it. While the task runs the lease is renewed every third of the lease (compare-and-PEXPIRE),
 * so a slow handler keeps the lock and a crashed instance frees it within one lease. A task that finds the lock
 * taken is not dropped: it retries with a growing, jittered pause (2 ms doubling to 50 ms, scheduled, no thread
 * parked) up to {@link Builder#maxWait}, then fails with a {@link StackStoreException}; so does a task whose lock
 * Redis could not take. Either way the engine leaves the update unconfirmed and Telegram delivers it again. A lock
 * request that failed (a timeout in a stall) may still take the lock once Redis gets it: such a lock, and one whose
 * release failed, is released by its token in the background as soon as Redis answers again.
 *
 * <p>Built by {@link RedisDialogs} together with its store, taking the lock also reads the stack (one round
 * trip for both: a script, or on a pipeline two commands in one write), and the store's first load in the task
 * uses that read.
 *
 * <p>Redelivered updates need no extra state here: the stack remembers the ids of its last updates and is saved by
 * compare-and-set under this lock, so every instance sees what every other has applied.
 *
 * <p>Thread-safe. {@link #close} stops its timer (and the executor, if it made its own); the caller owns the
 * Jedis client.
 */
public final class RedisUpdateIsolation implements UpdateIsolation, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisUpdateIsolation.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long FIRST_PAUSE_MILLIS = 2;
    private static final long MAX_PAUSE_MILLIS = 50;

    /** KEYS[1] the lock; ARGV[1] our token. Deletes the lock only if it is still ours. */
    private static final LuaScript RELEASE = new LuaScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """);

    /**
     * KEYS[1] the lock, KEYS[2] the stack; ARGV[1] our token, ARGV[2] the lease in ms, ARGV[3] the stack's TTL in
     * ms. Takes the lock exactly as {@code SET NX PX} does and, only if it did, reads the stack as the store's
     * {@code GETEX ... PX ttl} does, in one atomic step. Returns 0 when the lock is taken by another, 1 when we took
     * it and no stack is stored, else the stack's document.
     */
    private static final LuaScript ACQUIRE_AND_LOAD = new LuaScript("""
            if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              return 0
            end
            local document = redis.call('GETEX', KEYS[2], 'PX', ARGV[3])
            if document then
              return document
            end
            return 1
            """, (redis, keys, args, sent) -> {
        Object document = acquireThenLoad(redis, keys, args, sent);
        return document == null ? Long.valueOf(1) : document;
    });

    /**
     * The lock's {@code SET NX PX}, then, if it took the lock, the stack's {@code GETEX}, as two commands (while the
     * Cluster slot moves): {@code 0L} when the lock is another's, else the document or null.
     */
    private static @Nullable Object acquireThenLoad(
            UnifiedJedis redis, List<byte[]> keys, List<byte[]> args, java.util.concurrent.atomic.LongAdder sent) {
        sent.increment();
        String set = redis.set(
                keys.get(0),
                args.get(0),
                SetParams.setParams()
                        .nx()
                        .px(Long.parseLong(new String(args.get(1), java.nio.charset.StandardCharsets.US_ASCII))));
        if (!"OK".equals(set)) {
            return Long.valueOf(0);
        }
        sent.increment();
        return redis.getEx(
                keys.get(1),
                GetExParams.getExParams()
                        .px(Long.parseLong(new String(args.get(2), java.nio.charset.StandardCharsets.US_ASCII))));
    }

    /**
     * {@link #ACQUIRE_AND_LOAD} that also reads KEYS[3], a record of the user of a private chat (whose hash tag it
     * shares): 0 when the lock is taken by another, else {@code {stack document or 1, record or nil}}.
     */
    private static final LuaScript ACQUIRE_LOAD_AND_RECORD = new LuaScript("""
            if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              return 0
            end
            local document = redis.call('GETEX', KEYS[2], 'PX', ARGV[3])
            return {document or 1, redis.call('GET', KEYS[3])}
            """, (redis, keys, args, sent) -> {
        Object document = acquireThenLoad(redis, keys, args, sent);
        if (Long.valueOf(0).equals(document)) {
            return document;
        }
        sent.increment();
        return java.util.Arrays.asList(document == null ? Long.valueOf(1) : document, redis.get(keys.get(2)));
    });

    /** KEYS[1] the lock; ARGV[1] our token, ARGV[2] the lease in ms. Extends the lock only if it is still ours. */
    private static final LuaScript RENEW = new LuaScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0
            """);

    private final RedisCalls redis;
    private final String prefix;
    private final long leaseMillis;
    private final long maxWaitNanos;
    private final Executor executor;
    private final @Nullable ExecutorService ownedExecutor;
    private final ScheduledExecutorService timer;
    private final UpdateIsolation local;
    /** Lock tokens: 128 random bits of this isolation, then a counter, so no two holders ever share one. */
    private final String tokenPrefix;

    private final AtomicLong tokens = new AtomicLong();
    private final @Nullable LockedReads lockedReads;
    private final @Nullable UserRecordReads userReads;
    private final long stackTtlMillis;
    /** {@link #leaseMillis} and {@link #stackTtlMillis} as sent, encoded once. */
    private final byte[] leaseArg;

    private final byte[] stackTtlArg;
    /** The locks this isolation holds now; the renewal sweep walks them. */
    private final Set<Held> held = ConcurrentHashMap.newKeySet();

    private final long renewAfterNanos;
    private @Nullable ExecutorService handOff;

    /** A lock held while its task runs. */
    private static final class Held {
        final String lockKey;
        final String token;
        final LockedReads.@Nullable Read read;
        volatile long renewedAt = System.nanoTime();
        volatile boolean finished;

        Held(String lockKey, String token, LockedReads.@Nullable Read read) {
            this.lockKey = lockKey;
            this.token = token;
            this.read = read;
        }
    }

    private RedisUpdateIsolation(Builder b) {
        this.lockedReads = b.lockedReads;
        this.userReads = b.userReads;
        this.stackTtlMillis = b.stackTtlMillis;
        this.redis = b.calls();
        this.prefix = b.prefix;
        this.leaseMillis = b.lease.toMillis();
        this.leaseArg = RedisCalls.bytes(Long.toString(leaseMillis));
        this.stackTtlArg = RedisCalls.bytes(Long.toString(stackTtlMillis));
        this.maxWaitNanos = b.maxWait.toNanos();
        if (b.executor != null) {
            this.executor = b.executor;
            this.ownedExecutor = null;
        } else {
            AtomicInteger n = new AtomicInteger();
            this.ownedExecutor =
                    Executors.newFixedThreadPool(16, r -> daemon(r, "tgdialog-redis-" + n.incrementAndGet()));
            this.executor = ownedExecutor;
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "tgdialog-redis-lock-timer"));
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        this.tokenPrefix = HexFormat.of().formatHex(id) + ":";
        this.local = UpdateIsolation.inProcess(executor, b.maxQueuedPerKey);
        // One sweep every sixth of the lease renews each lock held for a sixth of it or more since its last renewal:
        // every lock is renewed at least every third of the lease, and an update that ends within a sixth (nearly
        // all) costs the timer nothing, where a renewal task scheduled and cancelled per update cost a queue
        // insertion and removal under the timer's lock.
        long every = Math.max(1, leaseMillis / 6);
        this.renewAfterNanos = TimeUnit.MILLISECONDS.toNanos(every);
        timer.scheduleWithFixedDelay(this::renewHeld, every, every, TimeUnit.MILLISECONDS);
    }

    /** An isolation on {@code redis} with the defaults (see {@link Builder}). */
    public static RedisUpdateIsolation of(UnifiedJedis redis) {
        return builder(redis).build();
    }

    /**
     * Starts an isolation on {@code redis}, with the defaults: prefix {@code "tgdialog:"}, a 15 s lease, 20 s of
     * waiting for a taken lock, its own pool of 16 handler threads, at most 20 tasks per key queued or running.
     */
    public static Builder builder(UnifiedJedis redis) {
        return new Builder(redis);
    }

    /** The Redis key of {@code key}'s lock (for operators and tests). */
    public String lockKey(StackKey key) {
        return RedisKeys.lock(prefix, key);
    }

    @Override
    public <T> CompletableFuture<T> run(StackKey key, Supplier<? extends CompletionStage<T>> task) {
        Objects.requireNonNull(task, "task");
        return local.run(key, () -> {
            CompletableFuture<T> result = new CompletableFuture<>();
            String token = tokenPrefix + Long.toHexString(tokens.incrementAndGet());
            attempt(new Attempt<>(key, token, System.nanoTime() + maxWaitNanos, 0, task, result));
            return result;
        });
    }

    /**
     * Continues with {@code next} once {@code reply} is in: at once on this thread when it already is (a plain
     * client), else on the executor (a pipeline's reply must not run the task on its I/O thread).
     */
    private <R> void then(
            CompletableFuture<R> reply, CompletableFuture<?> result, BiConsumer<? super R, ? super Throwable> next) {
        if (reply.isDone() || !redis.completesElsewhere()) {
            R value = null;
            Throwable error = null;
            try {
                value = RedisCalls.await(reply);
            } catch (RuntimeException e) {
                error = e;
            }
            next.accept(value, error);
            return;
        }
        reply.whenCompleteAsync(next, r -> {
            try {
                executor.execute(() -> {
                    if (redis.completesOnThisThread()) {
                        // A same-thread executor ran us on the pipeline's I/O thread: the task would stall every
                        // reply, its own save's too, so it goes to a thread of ours instead.
                        handOff().execute(r);
                    } else {
                        r.run();
                    }
                });
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(e);
            }
        });
    }

    /** Threads for tasks that a same-thread executor would have run on the pipeline's I/O thread. */
    private synchronized ExecutorService handOff() {
        if (handOff == null) {
            AtomicInteger n = new AtomicInteger();
            handOff = Executors.newCachedThreadPool(r -> daemon(r, "tgdialog-redis-handoff-" + n.incrementAndGet()));
        }
        return handOff;
    }

    /** One try at the lock for one update: its deadline is the first try's, and each retry counts one more. */
    private record Attempt<T>(
            StackKey key,
            String token,
            long deadline,
            int tries,
            Supplier<? extends CompletionStage<T>> task,
            CompletableFuture<T> result) {
        Attempt<T> next() {
            return new Attempt<>(key, token, deadline, tries + 1, task, result);
        }
    }

    private <T> void attempt(Attempt<T> a) {
        StackKey key = a.key();
        String token = a.token();
        CompletableFuture<T> result = a.result();
        String tail = RedisKeys.tail(key);
        String lockKey = RedisKeys.lock(prefix, tail);
        String stackKey = RedisKeys.stack(prefix, tail);
        String recordKey = userReads == null ? null : RedisStackStore.recordKey(prefix, userReads, key);
        // Encoded once: the save sends the stack's and the lock's keys and the token again.
        byte[] lockKeyBytes = RedisCalls.bytes(lockKey);
        byte[] stackKeyBytes = RedisCalls.bytes(stackKey);
        byte[] tokenBytes = RedisCalls.bytes(token);
        CompletableFuture<@Nullable Object> reply;
        if (lockedReads == null) {
            reply = redis.setNxPx(lockKey, token, leaseMillis).thenApply(set -> set ? 1L : 0L);
        } else if (redis instanceof RedisPipeline pipeline) {
            // The script's two steps as two plain commands in one write, run in order on the pipeline's connection:
            // the stack is still read only once the lock is held, and redis-server spends about half as long on
            // them (inside a script every redis.call converts its arguments and its reply once more).
            reply = pipeline.lockThenRead(
                    lockKeyBytes,
                    tokenBytes,
                    leaseArg,
                    stackKeyBytes,
                    stackTtlArg,
                    recordKey == null ? null : RedisCalls.bytes(recordKey));
        } else if (recordKey != null) {
            reply = redis.script(
                    ACQUIRE_LOAD_AND_RECORD,
                    List.of(lockKeyBytes, stackKeyBytes, recordKey),
                    List.of(tokenBytes, leaseArg, stackTtlArg));
        } else {
            reply = redis.script(
                    ACQUIRE_AND_LOAD, List.of(lockKeyBytes, stackKeyBytes), List.of(tokenBytes, leaseArg, stackTtlArg));
        }
        then(reply, result, (value, error) -> {
            if (error != null) {
                Throwable cause =
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (!(cause instanceof JedisException)) {
                    result.completeExceptionally(cause);
                    return;
                }
                String message = "Redis could not take the lock " + lockKey + ": " + cause.getMessage();
                // DEBUG: the engine says once per outage that the store is down, not once per update.
                log.debug("{}; the update will be delivered again", message);
                // A request that timed out may still be applied once Redis answers again (it was paused, or the
                // network stalled): that lock would shut the user out for a whole lease with no one to release it.
                releaseOrphan(lockKey, token);
                result.completeExceptionally(new StackStoreException(message, cause));
                return;
            }
            if (!Long.valueOf(0).equals(value)) {
                Object stack = value;
                byte[] record = null;
                if (recordKey != null && value instanceof List<?> both) {
                    stack = both.get(0);
                    record = both.get(1) == null ? null : RedisCalls.bytes(both.get(1));
                }
                LockedReads.@Nullable Read read = lockedReads == null || stack == null
                        ? null
                        : new LockedReads.Read(
                                key,
                                stackKey,
                                stackKeyBytes,
                                stack instanceof Long ? null : RedisCalls.bytes(stack),
                                lockKey,
                                lockKeyBytes,
                                tokenBytes,
                                recordKey,
                                record);
                runLocked(new Held(lockKey, token, read), a.task(), result);
                return;
            }
            retryLater(a);
        });
    }

    private <T> void retryLater(Attempt<T> a) {
        String lockKey = lockKey(a.key());
        long deadline = a.deadline();
        int tries = a.tries();
        CompletableFuture<T> result = a.result();
        long now = System.nanoTime();
        if (now - deadline >= 0) {
            String message = "the lock " + lockKey + " stayed taken by another instance for "
                    + Duration.ofNanos(maxWaitNanos).toMillis() + " ms (" + tries + " tries)";
            log.warn("{}; the update will be delivered again", message);
            result.completeExceptionally(new StackStoreException(message));
            return;
        }
        long pause = Math.min(MAX_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(tries, 10));
        pause = pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1);
        pause = Math.min(pause, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - now)));
        try {
            timer.schedule(
                    () -> {
                        try {
                            executor.execute(() -> attempt(a.next()));
                        } catch (RejectedExecutionException e) {
                            result.completeExceptionally(e);
                        }
                    },
                    pause,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("the Redis isolation is closed", e));
        }
    }

    private <T> void runLocked(Held lock, Supplier<? extends CompletionStage<T>> task, CompletableFuture<T> result) {
        if (timer.isShutdown()) {
            release(lock)
                    .whenComplete((x, e) ->
                            result.completeExceptionally(new IllegalStateException("the Redis isolation is closed")));
            return;
        }
        held.add(lock);
        LockedReads.@Nullable Read read = lock.read;
        CompletionStage<T> stage;
        LockedReads.@Nullable Read before = read == null || lockedReads == null ? null : lockedReads.enter(read);
        try {
            stage = Objects.requireNonNull(task.get(), "the task returned null instead of a stage");
        } catch (Throwable e) {
            stage = CompletableFuture.failedFuture(e);
        } finally {
            if (read != null && lockedReads != null) {
                lockedReads.exit(before);
            }
        }
        stage.whenComplete((value, error) -> {
            lock.finished = true;
            held.remove(lock);
            // The result waits for the release, so the key's next task (queued behind this one in-process) never
            // finds our own lock still there.
            CompletableFuture<?> released =
                    read != null && read.released ? CompletableFuture.completedFuture(null) : release(lock);
            then(released, result, (x, ignored) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            });
        });
    }

    /** The timer's sweep: renews every held lock whose last renewal is a sixth of the lease old. */
    private void renewHeld() {
        long now = System.nanoTime();
        for (Held lock : held) {
            if (now - lock.renewedAt < renewAfterNanos || lock.finished || lock.read != null && lock.read.released) {
                continue;
            }
            lock.renewedAt = now;
            redis.script(RENEW, List.of(lock.lockKey), List.of(lock.token, Long.toString(leaseMillis)))
                    .whenComplete((renewed, error) -> {
                        if (error != null) {
                            log.warn("Redis could not renew the lock {}: {}", lock.lockKey, error.getMessage());
                        } else if (!Long.valueOf(1).equals(renewed) && !lock.finished) {
                            // A renewal racing the release finds the lock gone; that is no loss.
                            log.warn(
                                    "The lock {} was lost while its update ran (its lease ran out); the stack's "
                                            + "compare-and-set still refuses a conflicting write",
                                    lock.lockKey);
                        }
                    });
        }
    }

    /**
     * Deletes the lock if it is still ours; a failure is logged and not passed on, and the release is tried again in
     * the background until Redis answers (else the lock would stay until its lease ran out).
     */
    private CompletableFuture<?> release(Held lock) {
        return redis.script(RELEASE, List.of(lock.lockKey), List.of(lock.token)).handle((x, e) -> {
            if (e != null) {
                log.warn(
                        "Redis could not release the lock {} ({}); it is released as soon as Redis answers again",
                        lock.lockKey,
                        e.getMessage());
                releaseOrphan(lock.lockKey, lock.token);
            }
            return null;
        });
    }

    /** Pauses between tries at an orphaned lock while Redis does not answer: 50 ms doubling to 400 ms. */
    private static final long ORPHAN_FIRST_PAUSE_MILLIS = 50;

    private static final long ORPHAN_MAX_PAUSE_MILLIS = 400;
    /** Tries once Redis answers, in case the orphaned request is applied just after the answer, on another connection. */
    private static final int ORPHAN_CONFIRMATIONS = 3;

    /** Locks whose request failed and which may yet be set, by token: what their background release is at. */
    private final Set<String> orphans = ConcurrentHashMap.newKeySet();

    /** How many orphaned locks were released in the background: a request that failed had taken it after all. */
    private final AtomicLong orphansReleased = new AtomicLong();

    /**
     * Releases a lock that a failed request may have taken (or may still take) by its token, from the timer: tried
     * until Redis answers, then a few more times shortly after, since a request Redis held back (a pause, a stall)
     * runs when it resumes, perhaps just after our answer; given up after one lease, which frees it anyway.
     */
    private void releaseOrphan(String lockKey, String token) {
        if (orphans.add(token)) {
            long giveUpAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(leaseMillis);
            scheduleOrphanRelease(lockKey, token, ORPHAN_FIRST_PAUSE_MILLIS, 0, giveUpAt);
        }
    }

    private void scheduleOrphanRelease(String lockKey, String token, long pause, int answers, long giveUpAt) {
        if (System.nanoTime() - giveUpAt >= 0) {
            orphans.remove(token);
            return;
        }
        try {
            timer.schedule(
                    () -> redis.script(RELEASE, List.of(lockKey), List.of(token))
                            .whenComplete((released, error) -> {
                                if (error == null && Long.valueOf(1).equals(released)) {
                                    orphansReleased.incrementAndGet();
                                    orphans.remove(token);
                                    log.info("Released the lock {} that a failed request had taken after all", lockKey);
                                } else if (error == null && answers + 1 >= ORPHAN_CONFIRMATIONS) {
                                    orphans.remove(token);
                                } else {
                                    scheduleOrphanRelease(
                                            lockKey,
                                            token,
                                            error == null ? pause : Math.min(ORPHAN_MAX_PAUSE_MILLIS, pause * 2),
                                            error == null ? answers + 1 : answers,
                                            giveUpAt);
                                }
                            }),
                    pause,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closed: the lease frees the lock.
            orphans.remove(token);
        }
    }

    /** How many locks taken by requests that had failed this isolation released in the background (for tests). */
    long orphansReleased() {
        return orphansReleased.get();
    }

    /** Whether a background release of a lock taken by a failed request is still going on (for tests). */
    boolean releasingOrphans() {
        return !orphans.isEmpty();
    }

    /** Stops the lease timer and, if this isolation made its own, the handler pool. */
    @Override
    public void close() {
        timer.shutdownNow();
        synchronized (this) {
            if (handOff != null) {
                handOff.shutdown();
            }
        }
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Settings of a {@link RedisUpdateIsolation}. */
    public static final class Builder extends RedisBuilder<Builder> {
        private Duration lease = Duration.ofSeconds(15);
        private Duration maxWait = Duration.ofSeconds(20);
        private @Nullable Executor executor;
        private @Nullable LockedReads lockedReads;
        private @Nullable UserRecordReads userReads;
        private long stackTtlMillis;
        private int maxQueuedPerKey = UpdateIsolation.DEFAULT_MAX_QUEUED_PER_KEY;

        private Builder(UnifiedJedis redis) {
            super(redis);
        }

        /**
         * How long a lock outlives its holder's last renewal (15 s by default; renewed every third of it): the time
         * after which a crashed instance's lock frees itself. At least 30 ms.
         */
        public Builder lease(Duration lease) {
            this.lease = atLeast(lease, 30, "the lease");
            return this;
        }

        /** How long an update waits for a lock another instance holds before it fails (20 s by default). */
        public Builder maxWait(Duration maxWait) {
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException("the wait must not be negative, was " + maxWait);
            }
            this.maxWait = maxWait;
            return this;
        }

        /**
         * How many tasks of one stack key this process holds queued or running at once (20 by default): past it,
         * {@link #run} fails at once with a {@link dev.tgdialog.store.QueueFullException}, before any lock is
         * asked for, and one WARN line is logged per key and burst. The bound is per process, as the queue is.
         */
        public Builder maxQueuedPerKey(int maxQueuedPerKey) {
            if (maxQueuedPerKey < 1) {
                throw new IllegalArgumentException("at least one task per key must be allowed, was " + maxQueuedPerKey);
            }
            this.maxQueuedPerKey = maxQueuedPerKey;
            return this;
        }

        /** Runs tasks on this executor (the bot's, say) instead of a pool of its own. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Reads the stack with the lock, for the store of a {@link RedisDialogs} pair (package-private wiring; the
         * store must use this builder's prefix).
         */
        Builder loadsFor(LockedReads lockedReads, UserRecordReads userReads, long stackTtlMillis) {
            this.lockedReads = lockedReads;
            this.userReads = userReads;
            this.stackTtlMillis = stackTtlMillis;
            return this;
        }

        public RedisUpdateIsolation build() {
            return new RedisUpdateIsolation(this);
        }
    }
}
