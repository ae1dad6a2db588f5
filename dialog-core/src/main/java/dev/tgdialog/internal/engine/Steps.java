package dev.tgdialog.internal.engine;

import dev.tgdialog.Step;
import dev.tgdialog.store.Frame;
import dev.tgdialog.store.Stack;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the step listeners where a saved update moved the top of its stack; kept out of the engine's pipeline. */
final class Steps {
    private static final Logger log = LoggerFactory.getLogger(Steps.class);

    private Steps() {}

    /** Reports the step from {@code before} to {@code after}, if their top windows differ. */
    static void report(List<Consumer<Step>> listeners, Stack before, Stack after) {
        if (listeners.isEmpty()) {
            return;
        }
        Step.At from = top(before);
        Step.At to = top(after);
        if (java.util.Objects.equals(from, to)) {
            return;
        }
        Step step = new Step(from, to);
        for (Consumer<Step> listener : listeners) {
            try {
                listener.accept(step);
            } catch (RuntimeException e) {
                // A listener watches; it must not undo or fail an update that is already saved.
                log.warn("A step listener failed on {}", step, e);
            }
        }
    }

    private static Step.@Nullable At top(Stack stack) {
        List<Frame> frames = stack.frames();
        if (frames.isEmpty()) {
            return null;
        }
        Frame top = frames.get(frames.size() - 1);
        return new Step.At(top.dialogId(), top.windowId());
    }
}
