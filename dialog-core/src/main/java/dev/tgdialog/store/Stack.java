package dev.tgdialog.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A user's open dialogs, the top one last, stored as one document so an update costs one read and one write and a
 * time-to-live applies to all frames at once.
 *
 * @param id the stack id ({@code ""} for the default stack)
 * @param frames the open dialogs, bottom first, top last; empty when no dialog is open
 * @param version incremented by every save; stores compare it to refuse a lost update
 * @param lastMessage the message the top window was last shown in, or null
 * @param recentUpdateIds the ids of the last updates applied to this stack, newest last, to recognise redelivery
 * @param nextFrameId the counter frame ids are made from
 */
public record Stack(
        String id,
        List<Frame> frames,
        long version,
        @Nullable ShownMessage lastMessage,
        List<Long> recentUpdateIds,
        long nextFrameId) {

    /** How many recent update ids a stack remembers. */
    public static final int RECENT_UPDATES = 16;

    public Stack {
        Objects.requireNonNull(id, "id");
        frames = List.copyOf(frames);
        recentUpdateIds = UpdateIds.copyOf(recentUpdateIds);
    }

    /** An empty stack that was never saved (version 0). */
    public static Stack empty(String id) {
        return new Stack(id, List.of(), 0, null, List.of(), 0);
    }

    /**
     * This stack with no message shown, everything else (version included) the same: what {@link StackStore#moveChat}
     * stores under the new chat, where the old chat's message id names nothing of ours.
     */
    public Stack withoutLastMessage() {
        return new Stack(id, frames, version, null, recentUpdateIds, nextFrameId);
    }

    /** The top frame, if a dialog is open. */
    public Optional<Frame> top() {
        return frames.isEmpty() ? Optional.empty() : Optional.of(frames.get(frames.size() - 1));
    }

    /** The frame with this id, if it is in the stack. */
    public Optional<Frame> frame(String frameId) {
        for (Frame frame : frames) {
            if (frame.id().equals(frameId)) {
                return Optional.of(frame);
            }
        }
        return Optional.empty();
    }
}
