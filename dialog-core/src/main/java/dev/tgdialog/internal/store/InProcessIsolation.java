package dev.tgdialog.internal.store;

import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.UpdateIsolation;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Per-key ordering in one process: each key's tasks form a chain of futures, so a waiting task holds no thread.
 * The chain's tail is dropped from the map when it finishes and nothing was queued behind it. A task that throws or
 * returns null fails its own future and does not hold up the next.
 */
public final class InProcessIsolation implements UpdateIsolation {
    private final Executor executor;
    private final ConcurrentHashMap<StackKey, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

    public InProcessIsolation(Executor executor) {
        this.executor = executor;
    }

    @Override
    public <T> CompletableFuture<T> run(StackKey key, Supplier<? extends CompletionStage<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        // Chained outside any map operation: with a same-thread executor the task runs right here, and it may
        // submit more work for this key.
        CompletableFuture<?> previous = tails.put(key, done);
        CompletableFuture<?> before = previous == null ? CompletableFuture.completedFuture(null) : previous;
        before.thenRunAsync(() -> {
                    CompletionStage<T> stage;
                    try {
                        stage = Objects.requireNonNull(task.get(), "the task returned null instead of a stage");
                    } catch (Throwable e) {
                        stage = CompletableFuture.failedFuture(e);
                    }
                    stage.whenComplete((value, error) -> finish(key, done, result, value, error));
                }, executor)
                .exceptionally(error -> {
                    // The executor refused the task: fail it rather than leave its caller waiting forever.
                    finish(key, done, result, null, error);
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
        tails.remove(key, done);
        done.complete(null);
        if (error != null) {
            result.completeExceptionally(error);
        } else {
            result.complete(value);
        }
    }

    /** How many keys have tasks queued or running; for tests and metrics. */
    public int activeKeys() {
        return tails.size();
    }
}
