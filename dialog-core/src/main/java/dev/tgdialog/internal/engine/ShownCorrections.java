package dev.tgdialog.internal.engine;

import dev.tgdialog.store.ShownMessage;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.store.UpdateIsolation;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fixes what a stored stack says its last message shows, once a call queued behind a flood wait has gone out or
 * failed: by then the update that queued it is saved, so the fix is a save of its own. Thread-safe.
 */
final class ShownCorrections {
    private static final Logger log = LoggerFactory.getLogger(ShownCorrections.class);

    private final UpdateIsolation isolation;
    private final StackStore store;

    ShownCorrections(UpdateIsolation isolation, StackStore store) {
        this.isolation = isolation;
        this.store = store;
    }

    /**
     * When {@code applies} holds for the stack's last message, it becomes {@code fix}'s result (null: no message
     * shows the window). Runs in the key's turn, so it never overtakes the update that queued the call.
     */
    void correct(StackKey key, Predicate<ShownMessage> applies, UnaryOperator<@Nullable ShownMessage> fix) {
        isolation
                .run(key, () -> {
                    Stack stack = store.load(key).orElse(null);
                    if (stack == null || stack.lastMessage() == null || !applies.test(stack.lastMessage())) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    Stack next = new Stack(
                            stack.id(),
                            stack.frames(),
                            stack.version() + 1,
                            fix.apply(stack.lastMessage()),
                            stack.recentUpdateIds(),
                            stack.nextFrameId());
                    return store.saveAsync(key, stack.version(), next)
                            .thenAccept(saved -> {})
                            .toCompletableFuture();
                })
                .exceptionally(e -> {
                    log.warn(
                            "Could not record in the stack of chat {} what its last message shows: {}",
                            key.chatId(),
                            e.toString());
                    return null;
                });
    }
}
