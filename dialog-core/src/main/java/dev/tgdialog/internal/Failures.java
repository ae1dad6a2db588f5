package dev.tgdialog.internal;

import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/** Reads what a failed future failed with: futures wrap a stage's failure in a {@link CompletionException}. */
public final class Failures {
    private Failures() {}

    /** The failure a future's stage threw, unwrapped from its {@link CompletionException}; null stays null. */
    public static @Nullable Throwable cause(@Nullable Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
