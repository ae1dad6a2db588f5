package dev.tgdialog.internal.engine;

import dev.tgdialog.store.ShownMessage;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.telegram.types.CallbackQuery;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.telegram.types.User;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Everything one update changes, kept apart from the stored stack until the update succeeds. */
final class Session {
    final Update update;
    final StackKey key;
    final Stack original;
    final List<WorkFrame> frames = new ArrayList<>();

    @Nullable
    ShownMessage lastMessage;

    long nextFrameId;
    final @Nullable User user;
    final long chatId;
    final @Nullable CallbackQuery callback;
    /** The owner tag written into callback data (set for per-user stacks in groups). */
    final String ownerTag;

    /** Text that replaces the last message when the last dialog closed. */
    @Nullable
    String farewell;

    @Nullable
    String toast;
    /** One-time lines of this update's transitions, shown above the next render's text and never stored. */
    final List<String> replies = new ArrayList<>();

    boolean alert;
    /** The answer to this update's click, once one was sent. */
    java.util.concurrent.@Nullable CompletableFuture<?> answered;
    /** Media of this update's render that are uploads, to learn their file_id from the answer. */
    final java.util.Map<dev.tgdialog.spi.Media, dev.tgdialog.telegram.InputFile> uploads =
            new java.util.IdentityHashMap<>();
    /** Whether a call to the chat went out (or was queued) for this update: redelivering it could repeat that call. */
    boolean called;
    /**
     * The stack id the callback data of this render names: the key's, except on an inline message, whose buttons
     * name the template the message was made from (its own key, from the inline message id, is too long for them).
     */
    String callbackStack;
    /** The inline message this session's dialog runs on, or null for a dialog in a chat. */
    @Nullable
    String inlineMessageId;
    /** The user a background action runs for (0 for an update, whose user is {@link #user}). */
    long backgroundUser;
    /** The user's language record once read in this update ({@link Languages}), or null before. */
    Languages.@Nullable Known language;
    /** Plain messages the handlers asked to send ({@code DialogContext.send}), in order, not yet sent. */
    final List<String> messages = new ArrayList<>();
    /** The album this update brings, its parts gathered in order (the update is its first), or null. */
    java.util.@Nullable List<dev.tgdialog.telegram.types.Message> album;
    /** Dialogs to start in new stacks once this update is saved. */
    final List<Runnable> afterSave = new ArrayList<>();

    Session(
            Update update,
            StackKey key,
            Stack original,
            @Nullable User user,
            long chatId,
            @Nullable CallbackQuery callback,
            String ownerTag) {
        this.update = update;
        this.key = key;
        this.original = original;
        this.user = user;
        this.chatId = chatId;
        this.callback = callback;
        this.ownerTag = ownerTag;
        this.callbackStack = key.stackId();
        this.lastMessage = original.lastMessage();
        this.nextFrameId = original.nextFrameId();
        original.frames().forEach(f -> frames.add(WorkFrame.of(f)));
    }

    @Nullable
    WorkFrame top() {
        return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }

    @Nullable
    WorkFrame frame(String frameId) {
        for (WorkFrame f : frames) {
            if (f.id.equals(frameId)) {
                return f;
            }
        }
        return null;
    }

    String newFrameId() {
        return Base62.encode(nextFrameId++);
    }
}
