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

    /**
     * Runs {@code task} once every task submitted earlier for this key has finished; the result completes with the
     * task's stage.
     */
    <T> CompletableFuture<T> run(StackKey key, Supplier<? extends CompletionStage<T>> task);

    /**
     * In-process ordering: a queue per key that holds no thread while it waits; tasks run on {@code executor}.
     */
    static UpdateIsolation inProcess(Executor executor) {
        return new InProcessIsolation(executor);
    }
}
