package dev.tgdialog.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.tgdialog.store.QueueFullException;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.UpdateIsolation;
import dev.tgdialog.test.LogCapture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InProcessIsolationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final StackKey ALICE = StackKey.of(1, 100, 100);
    private static final StackKey BOB = StackKey.of(1, 200, 200);

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void tasksOfOneKey_runOneAtATime_inSubmissionOrder() {
        InProcessIsolation isolation = new InProcessIsolation(pool, 200);
        ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<CompletableFuture<Integer>> results = new ArrayList<>();

        for (int i = 0; i < 200; i++) {
            int n = i;
            results.add(isolation.run(ALICE, () -> {
                if (running.incrementAndGet() != 1) {
                    overlaps.incrementAndGet();
                }
                events.add("start " + n);
                Runnable finish = () -> {
                    events.add("end " + n);
                    running.decrementAndGet();
                };
                if (n % 2 == 0) {
                    finish.run();
                    return CompletableFuture.completedFuture(n);
                }
                // Odd tasks finish later, on another thread: the next task must wait for the stage, not the call.
                return CompletableFuture.supplyAsync(
                        () -> {
                            finish.run();
                            return n;
                        },
                        pool);
            }));
        }

        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add("start " + i);
            expected.add("end " + i);
            assertThat(results.get(i)).isCompletedWithValue(i);
        }
        assertThat(overlaps).hasValue(0);
        assertThat(List.copyOf(events)).containsExactlyElementsOf(expected);
    }

    @Test
    void tasksOfDifferentKeys_overlap() throws Exception {
        InProcessIsolation isolation = new InProcessIsolation(pool);
        CountDownLatch bothRunning = new CountDownLatch(2);

        // Each task waits until the other one runs too: that only happens if they run at the same time.
        CompletableFuture<Boolean> alice = isolation.run(ALICE, () -> meetAt(bothRunning));
        CompletableFuture<Boolean> bob = isolation.run(BOB, () -> meetAt(bothRunning));

        assertThat(alice.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as("alice's task met bob's")
                .isTrue();
        assertThat(bob.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as("bob's task met alice's")
                .isTrue();
    }

    @Test
    void failingTask_doesNotBlockTheNextOfItsKey_andItsFailureReachesItsOwnFuture() throws Exception {
        InProcessIsolation isolation = new InProcessIsolation(pool);
        IllegalStateException thrown = new IllegalStateException("thrown by the task");
        IllegalStateException failedStage = new IllegalStateException("a failed stage");
        ConcurrentLinkedQueue<String> ran = new ConcurrentLinkedQueue<>();

        CompletableFuture<String> first = isolation.run(ALICE, () -> {
            ran.add("first");
            throw thrown;
        });
        CompletableFuture<String> second = isolation.run(ALICE, () -> {
            ran.add("second");
            return CompletableFuture.failedFuture(failedStage);
        });
        CompletableFuture<String> third = isolation.run(ALICE, () -> {
            ran.add("third");
            return CompletableFuture.completedFuture("ok");
        });

        assertThat(third.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(first)
                .failsWithin(TIMEOUT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isSameAs(thrown);
        assertThat(second)
                .failsWithin(TIMEOUT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isSameAs(failedStage);
        assertThat(List.copyOf(ran)).containsExactly("first", "second", "third");
    }

    @Test
    void taskReturningNull_failsItsOwnFuture_andDoesNotBlockTheNext() throws Exception {
        InProcessIsolation isolation = new InProcessIsolation(pool);

        CompletableFuture<String> broken = isolation.run(ALICE, () -> null);
        CompletableFuture<String> next = isolation.run(ALICE, () -> CompletableFuture.completedFuture("ok"));

        assertThat(next.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(broken)
                .failsWithin(TIMEOUT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void finishedKeys_leaveNoEntryBehind() {
        // On the calling thread, every step happens inside run() or complete(), so each count is exact.
        InProcessIsolation isolation = new InProcessIsolation(Runnable::run);
        CompletableFuture<String> aliceWork = new CompletableFuture<>();
        CompletableFuture<String> bobWork = new CompletableFuture<>();

        CompletableFuture<String> alice1 = isolation.run(ALICE, () -> aliceWork);
        CompletableFuture<String> alice2 = isolation.run(ALICE, () -> CompletableFuture.completedFuture("a2"));
        CompletableFuture<String> bob = isolation.run(BOB, () -> bobWork);
        assertThat(isolation.activeKeys()).isEqualTo(2);

        aliceWork.complete("a1");
        assertThat(alice1).isCompletedWithValue("a1");
        assertThat(alice2).isCompletedWithValue("a2");
        assertThat(isolation.activeKeys()).isEqualTo(1);

        bobWork.completeExceptionally(new IllegalStateException("bob failed"));
        assertThat(bob).isCompletedExceptionally();
        assertThat(isolation.activeKeys()).isZero();

        assertThat(isolation.run(ALICE, () -> CompletableFuture.completedFuture("again")))
                .isCompletedWithValue("again");
        assertThat(isolation.activeKeys()).isZero();
    }

    @Test
    void taskSubmittingAnotherForItsKey_onTheCallingThread_runsItAfterwards() {
        InProcessIsolation isolation = new InProcessIsolation(Runnable::run);
        List<String> ran = new ArrayList<>();
        List<CompletableFuture<String>> inner = new ArrayList<>();

        CompletableFuture<String> outer = isolation.run(ALICE, () -> {
            ran.add("outer start");
            inner.add(isolation.run(ALICE, () -> {
                ran.add("inner");
                return CompletableFuture.completedFuture("inner");
            }));
            ran.add("outer end");
            return CompletableFuture.completedFuture("outer");
        });

        assertThat(outer).isCompletedWithValue("outer");
        assertThat(inner.get(0)).isCompletedWithValue("inner");
        assertThat(ran).containsExactly("outer start", "outer end", "inner");
        assertThat(isolation.activeKeys()).isZero();
    }

    // --- the bound per key (a flooding user) ---------------------------------------------------------------------

    @Test
    void thousandTasksOfOneKeyAtOnce_onlyTheBoundRuns_theRestFailAtOnceWithQueueFull_andOneWarnLine() {
        ManualExecutor executor = new ManualExecutor();
        UpdateIsolation isolation = UpdateIsolation.inProcess(executor);
        AtomicInteger ran = new AtomicInteger();
        List<CompletableFuture<Integer>> results = new ArrayList<>();

        try (LogCapture logs = new LogCapture()) {
            for (int i = 0; i < 1000; i++) {
                int n = i;
                results.add(isolation.run(ALICE, () -> {
                    ran.incrementAndGet();
                    return CompletableFuture.completedFuture(n);
                }));
            }
            // Refused before anything ran: the caller learns it at once, not when the queue gets there.
            List<CompletableFuture<Integer>> refused =
                    results.subList(UpdateIsolation.DEFAULT_MAX_QUEUED_PER_KEY, 1000);
            for (CompletableFuture<Integer> result : refused) {
                assertThat(result).isCompletedExceptionally();
                assertThatThrownBy(result::join)
                        .cause()
                        .isInstanceOf(QueueFullException.class)
                        .extracting(e -> ((QueueFullException) e).key())
                        .isEqualTo(ALICE);
            }
            CompletableFuture<String> bob = isolation.run(BOB, () -> CompletableFuture.completedFuture("bob ran"));

            executor.runAll();

            assertThat(ran).hasValue(UpdateIsolation.DEFAULT_MAX_QUEUED_PER_KEY);
            for (int i = 0; i < UpdateIsolation.DEFAULT_MAX_QUEUED_PER_KEY; i++) {
                assertThat(results.get(i)).isCompletedWithValue(i);
            }
            assertThat(bob).isCompletedWithValue("bob ran");
            assertThat(logs.at(Level.WARN))
                    .containsExactly("WARN Updates of " + ALICE.asString() + " dropped: 20 "
                            + "are queued or running already (the bound per key); further drops are not logged until its "
                            + "queue is empty");
        }
    }

    @Test
    void aBurstEndsWhenTheKeysQueueIsEmpty_thenTheNextBurstLogsAgain() {
        ManualExecutor executor = new ManualExecutor();
        UpdateIsolation isolation = UpdateIsolation.inProcess(executor, 3);
        AtomicInteger ran = new AtomicInteger();
        Supplier<CompletionStage<Integer>> task = () -> CompletableFuture.completedFuture(ran.incrementAndGet());

        try (LogCapture logs = new LogCapture()) {
            List<CompletableFuture<Integer>> first = submit(isolation, ALICE, task, 10);
            assertThat(first)
                    .filteredOn(CompletableFuture::isCompletedExceptionally)
                    .hasSize(7);
            executor.runOne();
            // One slot free again, but the queue never emptied: the same burst, no second line.
            List<CompletableFuture<Integer>> more = submit(isolation, ALICE, task, 5);
            assertThat(more)
                    .filteredOn(CompletableFuture::isCompletedExceptionally)
                    .hasSize(4);
            assertThat(logs.at(Level.WARN)).hasSize(1);
            List<CompletableFuture<Integer>> otherKey = submit(isolation, BOB, task, 4);
            assertThat(otherKey)
                    .filteredOn(CompletableFuture::isCompletedExceptionally)
                    .hasSize(1);
            assertThat(logs.at(Level.WARN)).hasSize(2).last().asString().contains(BOB.asString());

            executor.runAll();
            assertThat(ran).hasValue(3 + 1 + 3);
            assertThat(((InProcessIsolation) isolation).activeKeys()).isZero();

            List<CompletableFuture<Integer>> second = submit(isolation, ALICE, task, 5);
            assertThat(second)
                    .filteredOn(CompletableFuture::isCompletedExceptionally)
                    .hasSize(2);
            assertThat(logs.at(Level.WARN)).hasSize(3).last().asString().contains(ALICE.asString());
            executor.runAll();
            assertThat(ran).hasValue(3 + 1 + 3 + 3);
        }
    }

    @Test
    void taskThatFailsOrIsRefusedByTheExecutor_givesItsSlotBack() {
        ManualExecutor executor = new ManualExecutor();
        UpdateIsolation isolation = UpdateIsolation.inProcess(executor, 2);

        CompletableFuture<String> thrown = isolation.run(ALICE, () -> {
            throw new IllegalStateException("boom");
        });
        CompletableFuture<String> nulled = isolation.run(ALICE, () -> null);
        executor.runAll();
        UpdateIsolation refusing = UpdateIsolation.inProcess(
                r -> {
                    throw new java.util.concurrent.RejectedExecutionException("full");
                },
                1);
        CompletableFuture<String> rejected = refusing.run(ALICE, () -> CompletableFuture.completedFuture("never"));

        assertThat(thrown).isCompletedExceptionally();
        assertThat(nulled).isCompletedExceptionally();
        assertThat(rejected).isCompletedExceptionally();
        assertThat(isolation.run(ALICE, () -> CompletableFuture.completedFuture("a")))
                .isNotDone();
        assertThat(isolation.run(ALICE, () -> CompletableFuture.completedFuture("b")))
                .isNotDone();
        assertThatThrownBy(() -> refusing.run(ALICE, () -> CompletableFuture.completedFuture("c"))
                        .join())
                .cause()
                .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
    }

    @Test
    void boundBelowOne_isRefused() {
        assertThatThrownBy(() -> UpdateIsolation.inProcess(Runnable::run, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one task per key");
    }

    private static List<CompletableFuture<Integer>> submit(
            UpdateIsolation isolation, StackKey key, Supplier<CompletionStage<Integer>> task, int times) {
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            results.add(isolation.run(key, task));
        }
        return results;
    }

    /** An executor that runs nothing until the test says so, on the test's thread. */
    private static final class ManualExecutor implements Executor {
        private final ArrayDeque<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            queue.add(command);
        }

        void runOne() {
            queue.remove().run();
        }

        void runAll() {
            while (!queue.isEmpty()) {
                runOne();
            }
        }
    }

    private static CompletableFuture<Boolean> meetAt(CountDownLatch latch) {
        latch.countDown();
        try {
            return CompletableFuture.completedFuture(latch.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
    }
}
