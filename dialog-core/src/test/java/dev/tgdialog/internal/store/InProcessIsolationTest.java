package dev.tgdialog.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.store.StackKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
        InProcessIsolation isolation = new InProcessIsolation(pool);
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
                return CompletableFuture.supplyAsync(() -> {
                    finish.run();
                    return n;
                }, pool);
            }));
        }

        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS).join();
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

        assertThat(alice.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("alice's task met bob's").isTrue();
        assertThat(bob.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("bob's task met alice's").isTrue();
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
        assertThat(first).failsWithin(TIMEOUT).withThrowableOfType(ExecutionException.class).havingCause()
                .isSameAs(thrown);
        assertThat(second).failsWithin(TIMEOUT).withThrowableOfType(ExecutionException.class).havingCause()
                .isSameAs(failedStage);
        assertThat(List.copyOf(ran)).containsExactly("first", "second", "third");
    }

    @Test
    void taskReturningNull_failsItsOwnFuture_andDoesNotBlockTheNext() throws Exception {
        InProcessIsolation isolation = new InProcessIsolation(pool);

        CompletableFuture<String> broken = isolation.run(ALICE, () -> null);
        CompletableFuture<String> next = isolation.run(ALICE, () -> CompletableFuture.completedFuture("ok"));

        assertThat(next.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(broken).failsWithin(TIMEOUT).withThrowableOfType(ExecutionException.class).havingCause()
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

        assertThat(isolation.run(ALICE, () -> CompletableFuture.completedFuture("again"))).isCompletedWithValue("again");
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
