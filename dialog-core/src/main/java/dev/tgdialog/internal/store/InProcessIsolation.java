package dev.tgdialog.internal.store;

import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.UpdateIsolation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Per-key ordering in one process: each key's tasks form a chain of futures, so a waiting task holds no thread.
 * The chain's tail is dropped from the map when it finishes and nothing was queued behind it.
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
        CompletableFuture<?> tail = tails.compute(key, (k, previous) -> {
            CompletableFuture<?> before = previous == null ? CompletableFuture.completedFuture(null) : previous;
            // Whatever the previous task's outcome, this one runs after it; its own outcome goes to result.
            return before.handleAsync((ignored, error) -> null, executor)
                    .thenCompose(ignored -> {
                        CompletionStage<T> stage;
                        try {
                            stage = task.get();
                        } catch (RuntimeException | Error e) {
                            stage = CompletableFuture.failedFuture(e);
                        }
                        return stage.handle((value, error) -> {
                            if (error != null) {
                                result.completeExceptionally(error);
                            } else {
                                result.complete(value);
                            }
                            return null;
                        });
                    });
        });
        tail.whenComplete((ignored, error) -> tails.remove(key, tail));
        return result;
    }

    /** How many keys have tasks queued or running; for tests and metrics. */
    public int activeKeys() {
        return tails.size();
    }
}
