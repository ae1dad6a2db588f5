package dev.tgdialog.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.tgdialog.store.QueueFullException;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStoreException;
import dev.tgdialog.test.LogCapture;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.JedisClusterCRC16;

class RedisUpdateIsolationTest {
    private static final StackKey KEY = StackKey.of(1, 2, 3);
    private static final StackKey OTHER = StackKey.of(1, 2, 4);

    protected final String prefix = TestRedis.uniquePrefix();
    protected final JedisPooled redis = TestRedis.client();
    protected final List<AutoCloseable> isolations = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable isolation : isolations) {
            isolation.close();
        }
        redis.del(RedisKeys.lock(prefix, KEY));
        redis.del(RedisKeys.lock(prefix, OTHER));
        redis.close();
    }

    /**
     * The isolation under test; {@code RedisDialogsIsolationTest} runs these tests on a pair's. Its bound per key
     * (100) lets the ordering tests queue all their tasks at once.
     */
    protected RedisUpdateIsolation isolation(Duration lease, Duration maxWait) {
        RedisUpdateIsolation isolation = RedisUpdateIsolation.builder(redis)
                .keyPrefix(prefix)
                .lease(lease)
                .maxWait(maxWait)
                .maxQueuedPerKey(100)
                .build();
        isolations.add(isolation);
        return isolation;
    }

    /** An isolation with the default lease and wait, running tasks on {@code executor}, bounded per key. */
    protected RedisUpdateIsolation isolation(Executor executor, int maxQueuedPerKey) {
        RedisUpdateIsolation isolation = RedisUpdateIsolation.builder(redis)
                .keyPrefix(prefix)
                .executor(executor)
                .maxQueuedPerKey(maxQueuedPerKey)
                .build();
        isolations.add(isolation);
        return isolation;
    }

    @Test
    void thousandTasksOfOneKeyAtOnce_onlyTheBoundRuns_theRestFailAtOnceWithQueueFull_andOneWarnLinePerBurst()
            throws Exception {
        LinkedBlockingQueue<Runnable> executor = new LinkedBlockingQueue<>();
        RedisUpdateIsolation a = isolation(executor::add, 20);
        AtomicInteger ran = new AtomicInteger();
        List<CompletableFuture<Integer>> results = new ArrayList<>();

        try (LogCapture logs = new LogCapture()) {
            for (int i = 0; i < 1000; i++) {
                int n = i;
                results.add(a.run(KEY, () -> {
                    ran.incrementAndGet();
                    return CompletableFuture.completedFuture(n);
                }));
            }
            for (CompletableFuture<Integer> refused : results.subList(20, 1000)) {
                assertThat(refused).isCompletedExceptionally();
                assertThatThrownBy(refused::join)
                        .cause()
                        .isInstanceOf(QueueFullException.class)
                        .extracting(e -> ((QueueFullException) e).key())
                        .isEqualTo(KEY);
            }
            CompletableFuture<String> other = a.run(OTHER, () -> CompletableFuture.completedFuture("other ran"));

            List<CompletableFuture<?>> accepted = new ArrayList<>(results.subList(0, 20));
            accepted.add(other);
            runUntilDone(executor, accepted);

            assertThat(ran).hasValue(20);
            for (int i = 0; i < 20; i++) {
                assertThat(results.get(i)).isCompletedWithValue(i);
            }
            assertThat(other).isCompletedWithValue("other ran");
            assertThat(dropLines(logs)).hasSize(1).first().asString().contains(KEY.asString());

            // The queue drained: the next flood is a new burst, logged once again.
            List<CompletableFuture<?>> second = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                second.add(a.run(KEY, () -> CompletableFuture.completedFuture(ran.incrementAndGet())));
            }
            assertThat(second)
                    .filteredOn(CompletableFuture::isCompletedExceptionally)
                    .hasSize(5);
            runUntilDone(executor, second.subList(0, 20));
            assertThat(ran).hasValue(40);
            assertThat(dropLines(logs)).hasSize(2);
        }
        assertThat(redis.exists(a.lockKey(KEY)))
                .as("the lock after the last task")
                .isFalse();
    }

    private static List<String> dropLines(LogCapture logs) {
        return logs.at(Level.WARN).stream()
                .filter(line -> line.contains("dropped"))
                .toList();
    }

    /** Runs what the isolation hands the executor, on this thread, until every one of {@code futures} is done. */
    private static void runUntilDone(
            LinkedBlockingQueue<Runnable> executor, List<? extends CompletableFuture<?>> futures)
            throws InterruptedException {
        while (!futures.stream().allMatch(CompletableFuture::isDone)) {
            Runnable next = executor.poll(10, TimeUnit.SECONDS);
            assertThat(next)
                    .as("work handed to the executor while tasks are unfinished")
                    .isNotNull();
            next.run();
        }
    }

    @Test
    void twoInstances_neverRunOneKeysTasksAtOnce_andDropNone() throws Exception {
        RedisUpdateIsolation a = isolation(Duration.ofSeconds(5), Duration.ofSeconds(20));
        RedisUpdateIsolation b = isolation(Duration.ofSeconds(5), Duration.ofSeconds(20));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        List<CompletableFuture<Integer>> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            all.add((i % 2 == 0 ? a : b)
                    .run(
                            KEY,
                            () -> CompletableFuture.supplyAsync(() -> {
                                if (inside.incrementAndGet() > 1) {
                                    overlaps.incrementAndGet();
                                }
                                ran.incrementAndGet();
                                inside.decrementAndGet();
                                return n;
                            })));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(overlaps).hasValue(0);
        assertThat(ran).hasValue(100);
        assertThat(redis.exists(a.lockKey(KEY)))
                .as("the lock after the last task")
                .isFalse();
    }

    @Test
    void tasksOfOneInstance_runInTheOrderTheyCame() throws Exception {
        RedisUpdateIsolation a = isolation(Duration.ofSeconds(5), Duration.ofSeconds(20));
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Object>> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            all.add(a.run(KEY, () -> {
                order.add(n);
                return CompletableFuture.completedFuture(null);
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(order).isSorted().hasSize(50);
    }

    @Test
    void lockOfACrashedInstance_freesItselfAfterTheLease_andTheWaitingTaskRuns() throws Exception {
        RedisUpdateIsolation a = isolation(Duration.ofSeconds(5), Duration.ofSeconds(5));
        redis.set(a.lockKey(KEY), "crashed-instance", SetParams.setParams().px(300));
        long start = System.nanoTime();

        assertThat(a.run(KEY, () -> CompletableFuture.completedFuture("ran")).get(5, TimeUnit.SECONDS))
                .isEqualTo("ran");

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(250L, 2000L);
    }

    @Test
    void slowTask_keepsItsLockPastTheLease_byRenewal() throws Exception {
        RedisUpdateIsolation a = isolation(Duration.ofMillis(300), Duration.ofSeconds(5));
        RedisUpdateIsolation b = isolation(Duration.ofMillis(300), Duration.ofSeconds(5));
        AtomicInteger inside = new AtomicInteger();
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        String lock = a.lockKey(KEY);
        CompletableFuture<Integer> slow = a.run(
                KEY,
                () -> CompletableFuture.supplyAsync(() -> {
                    inside.incrementAndGet();
                    entered.countDown();
                    // Redis's clock moves 150 ms three times (450 ms, past the 300 ms lease); each time the lease
                    // renewal
                    // must put the lock's time back before it runs out.
                    for (int i = 0; i < 3; i++) {
                        TestRedis.advance(redis, lock, 150);
                        awaitRenewal(lock);
                    }
                    return inside.getAndDecrement();
                }));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> second = b.run(KEY, () -> CompletableFuture.completedFuture(inside.get()));

        assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second.get(5, TimeUnit.SECONDS))
                .as("tasks inside when the waiting task ran")
                .isZero();
    }

    @Test
    void lockHeldLongerThanTheWait_failsTheTask_withStackStoreException_withoutRunningIt() {
        RedisUpdateIsolation a = isolation(Duration.ofSeconds(5), Duration.ofMillis(200));
        redis.set(a.lockKey(KEY), "someone-else", SetParams.setParams().px(5000));
        AtomicInteger ran = new AtomicInteger();

        CompletableFuture<Object> task = a.run(KEY, () -> {
            ran.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });

        assertThatThrownBy(() -> task.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(StackStoreException.class)
                .hasMessageContaining("stayed taken");
        assertThat(ran).hasValue(0);
        assertThat(redis.get(a.lockKey(KEY)))
                .as("someone else's lock is left alone")
                .isEqualTo("someone-else");
    }

    @Test
    void failingTask_releasesTheLock_andFailsItsOwnResultOnly() throws Exception {
        RedisUpdateIsolation a = isolation(Duration.ofSeconds(5), Duration.ofSeconds(5));
        CompletableFuture<Object> failing = a.run(KEY, () -> {
            throw new IllegalStateException("boom");
        });
        CompletableFuture<String> next = a.run(KEY, () -> CompletableFuture.completedFuture("next"));

        assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("next");
        assertThat(redis.exists(a.lockKey(KEY))).isFalse();
    }

    @Test
    void unreachableRedis_failsTheTask_withStackStoreException() {
        try (JedisPooled nowhere = new JedisPooled(URI.create("redis://127.0.0.1:" + TestRedis.freePort()));
                RedisUpdateIsolation a = RedisUpdateIsolation.builder(nowhere).build()) {
            CompletableFuture<Object> task = a.run(KEY, () -> CompletableFuture.completedFuture(null));

            assertThatThrownBy(() -> task.get(10, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(StackStoreException.class)
                    .hasMessageContaining("could not take the lock");
        }
    }

    @Test
    void stackAndLockKeys_shareAClusterSlot() {
        StackKey key = new StackKey(111, -1002003004005L, 42, 7, "side{x}");
        String stack = RedisKeys.stack("app:", key);
        String lock = RedisKeys.lock("app:", key);

        assertThat(stack).isEqualTo("app:stack:{111:-1002003004005:42}:7:side{x}");
        assertThat(lock).isEqualTo("app:lock:{111:-1002003004005:42}:7:side{x}");
        assertThat(JedisClusterCRC16.getSlot(stack))
                .isEqualTo(JedisClusterCRC16.getSlot(lock))
                .isEqualTo(JedisClusterCRC16.getSlot("{111:-1002003004005:42}"));
        assertThatThrownBy(() -> RedisUpdateIsolation.builder(redis).keyPrefix("a{b}:"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Waits (bounded, on Redis's answers) until the lock's remaining time was renewed past 200 ms. */
    private void awaitRenewal(String lock) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (redis.pttl(lock) <= 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the lease of " + lock + " was not renewed");
            }
            Thread.onSpinWait();
        }
    }
}
