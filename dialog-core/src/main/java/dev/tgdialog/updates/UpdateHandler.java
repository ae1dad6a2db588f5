package dev.tgdialog.updates;

import dev.tgdialog.telegram.types.Update;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where update intake hands each update. The returned stage completes when the update is fully handled; intake
 * confirms an update to Telegram only then, so an update whose stage fails (or that was never finished) is
 * delivered again. Throwing, or returning a failed stage, means "could not take it". Must be thread-safe.
 */
@FunctionalInterface
public interface UpdateHandler {

    /** Takes one update; see the interface for what the returned stage means. */
    CompletionStage<?> handle(Update update);

    /** A handler that does its work on the intake's thread and is finished when {@code action} returns. */
    static UpdateHandler blocking(BlockingAction action) {
        return update -> {
            try {
                action.accept(update);
                return CompletableFuture.completedFuture(null);
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        };
    }

    /** Work done on one update, allowed to throw. */
    @FunctionalInterface
    interface BlockingAction {
        void accept(Update update) throws Exception;
    }
}
