package dev.tgdialog;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A change of the window on top of a user's stack, as one update left it: from the dialog and window that showed
 * before to the ones that show now. {@code from} is null when no dialog was open (a command started one), {@code to}
 * when the last dialog closed. Reported to {@link DialogBot.Builder#onStep} listeners once the update's stack is saved;
 * the test harness records them for the transition map's coverage.
 *
 * @param from where the stack's top was before the update, or null for an empty stack
 * @param to where it is after, or null for an empty stack
 */
public record Step(@Nullable At from, @Nullable At to) {

    /** Checks that the step changes something. */
    public Step {
        if (Objects.equals(from, to)) {
            throw new IllegalArgumentException("a step goes somewhere else, was " + from + " to " + to);
        }
    }

    /**
     * A window of a dialog, by ids.
     *
     * @param dialog the dialog's id
     * @param window the window's id (its {@link WindowId}'s name)
     */
    public record At(String dialog, String window) {
        public At {
            Objects.requireNonNull(dialog, "dialog");
            Objects.requireNonNull(window, "window");
        }
    }
}
