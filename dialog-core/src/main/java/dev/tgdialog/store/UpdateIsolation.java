package dev.tgdialog.store;

import dev.tgdialog.internal.store.InProcessIsolation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs the work of one stack key one task at a time, in the order it was submitted, and the work of different keys
 * in parallel. The engine takes it before it reads a stack, so two quick clicks never read the same version.
 */
public interface UpdateIsolation {

    /** How many tasks of one key may be queued or running at once by default (see {@link #inProcess(Executor, int)}). */
    int DEFAULT_MAX_QUEUED_PER_KEY = 20;

    /**
     * Runs {@code task} once every task submitted earlier for this key has finished; the result completes with the
     * task's stage. A bounded isolation whose key already has its maximum of tasks queued or running returns at once
     * a future failed with a {@link QueueFullException}, and {@code task} never runs.
     */
    <T> CompletableFuture<T> run(StackKey key, Supplier<? extends CompletionStage<T>> task);

    /**
     * In-process ordering: a queue per key that holds no thread while it waits; tasks run on {@code executor}. At
     * most {@value #DEFAULT_MAX_QUEUED_PER_KEY} tasks per key are queued or running (see
     * {@link #inProcess(Executor, int)}).
     */
    static UpdateIsolation inProcess(Executor executor) {
        return inProcess(executor, DEFAULT_MAX_QUEUED_PER_KEY);
    }

    /**
     * In-process ordering with at most {@code maxQueuedPerKey} tasks queued or running per key, so one user who
     * sends a thousand updates at once cannot hold a thousand slots: past the bound {@link #run} fails at once with
     * a {@link QueueFullException}, and one WARN line is logged per key and burst (a burst ends when the key's
     * queue is empty again), never one per dropped task.
     *
     * @throws IllegalArgumentException when {@code maxQueuedPerKey} is less than 1
     */
    static UpdateIsolation inProcess(Executor executor, int maxQueuedPerKey) {
        return new InProcessIsolation(executor, maxQueuedPerKey);
    }
}
