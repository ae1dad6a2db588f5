package dev.tgdialog.internal.store;

import dev.tgdialog.store.QueueFullException;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.UpdateIsolation;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-key ordering in one process: each key's tasks form a chain of futures, so a waiting task holds no thread.
 * A key's lane counts its tasks queued or running; past the bound a task is refused at once with a
 * {@link QueueFullException}, and the first refusal of a burst logs one WARN line. The lane is dropped from the map
 * when its last task finishes, which also ends the burst. A task that throws or returns null fails its own future
 * and does not hold up the next. Thread-safe.
 */
public final class InProcessIsolation implements UpdateIsolation {
    private static final Logger log = LoggerFactory.getLogger(InProcessIsolation.class);

    private final Executor executor;
    private final int maxQueuedPerKey;
    private final ConcurrentHashMap<StackKey, Lane> lanes = new ConcurrentHashMap<>();

    /** One key's tasks; read and written only inside the map's atomic {@code compute} for that key. */
    private static final class Lane {
        /** Completes when the last task submitted for the key has finished. */
        CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
        /** Tasks queued or running. */
        int size;
        /** Whether this burst's refusal was logged already. */
        boolean warned;
    }

    /** An isolation with the default bound, {@value UpdateIsolation#DEFAULT_MAX_QUEUED_PER_KEY} tasks per key. */
    public InProcessIsolation(Executor executor) {
        this(executor, DEFAULT_MAX_QUEUED_PER_KEY);
    }

    /** An isolation that runs tasks on {@code executor}, at most {@code maxQueuedPerKey} queued or running per key. */
    public InProcessIsolation(Executor executor, int maxQueuedPerKey) {
        if (maxQueuedPerKey < 1) {
            throw new IllegalArgumentException("at least one task per key must be allowed, was " + maxQueuedPerKey);
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.maxQueuedPerKey = maxQueuedPerKey;
    }

    @Override
    public <T> CompletableFuture<T> run(StackKey key, Supplier<? extends CompletionStage<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Object[] before = new Object[1];
        boolean[] warn = {false};
        lanes.compute(key, (k, lane) -> {
            Lane l = lane == null ? new Lane() : lane;
            if (l.size >= maxQueuedPerKey) {
                warn[0] = !l.warned;
                l.warned = true;
                return l;
            }
            before[0] = l.tail;
            l.tail = done;
            l.size++;
            return l;
        });
        if (before[0] == null) {
            if (warn[0]) {
                log.warn(
                        "Updates of {} dropped: {} are queued or running already (the bound per key); further drops "
                                + "are not logged until its queue is empty",
                        key.asString(),
                        maxQueuedPerKey);
            }
            return CompletableFuture.failedFuture(new QueueFullException(key, maxQueuedPerKey));
        }
        // Chained outside any map operation: with a same-thread executor the task runs right here, and it may
        // submit more work for this key.
        ((CompletableFuture<?>) before[0])
                .thenRunAsync(
                        () -> {
                            CompletionStage<T> stage;
                            try {
                                stage = Objects.requireNonNull(task.get(), "the task returned null instead of a stage");
                            } catch (Throwable e) {
                                stage = CompletableFuture.failedFuture(e);
                            }
                            stage.whenComplete((value, error) -> finish(key, done, result, value, error));
                        },
                        executor)
                .exceptionally(error -> {
                    // The executor refused the task: fail it rather than leave its caller waiting forever (once:
                    // a lane's count must not drop twice for one task).
                    if (!done.isDone()) {
                        finish(key, done, result, null, error);
                    }
                    return null;
                });
        return result;
    }

    private <T> void finish(
            StackKey key,
            CompletableFuture<Void> done,
            CompletableFuture<T> result,
            @Nullable T value,
            @Nullable Throwable error) {
        // Released before the result completes, so whoever sees the result also sees the key gone (if idle).
        lanes.computeIfPresent(key, (k, lane) -> --lane.size == 0 ? null : lane);
        done.complete(null);
        if (error != null) {
            result.completeExceptionally(error);
        } else {
            result.complete(value);
        }
    }

    /** How many keys have tasks queued or running; for tests and metrics. */
    public int activeKeys() {
        return lanes.size();
    }
}
