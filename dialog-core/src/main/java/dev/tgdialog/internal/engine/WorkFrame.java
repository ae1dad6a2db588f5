package dev.tgdialog.internal.engine;

import dev.tgdialog.store.Frame;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A frame being changed by one update; frozen back into a {@link Frame} when the update succeeds. Its maps are the
 * frame's own (immutable) maps until something writes to them, so an update that reads a frame, or changes one map,
 * copies nothing else, and freezing an unchanged map keeps the same instance.
 */
final class WorkFrame {
    final String id;
    final String dialogId;
    String windowId;
    long revision;
    final @Nullable String startInput;
    private Map<String, String> data;
    private boolean dataOwned;
    private Map<String, String> widgetState;
    private boolean widgetStateOwned;
    /** Replaced whole by each render, never changed in place. */
    Map<String, String> spill;

    WorkFrame(
            String id,
            String dialogId,
            String windowId,
            long revision,
            @Nullable String startInput,
            Map<String, String> data,
            Map<String, String> widgetState,
            Map<String, String> spill) {
        this.id = id;
        this.dialogId = dialogId;
        this.windowId = windowId;
        this.revision = revision;
        this.startInput = startInput;
        this.data = data;
        this.widgetState = widgetState;
        this.spill = spill;
    }

    static WorkFrame of(Frame f) {
        return new WorkFrame(
                f.id(), f.dialogId(), f.windowId(), f.revision(), f.startInput(), f.data(), f.widgetState(), f.spill());
    }

    @Nullable
    String data(String key) {
        return data.get(key);
    }

    void putData(String key, @Nullable String value) {
        if (!dataOwned) {
            data = new HashMap<>(data);
            dataOwned = true;
        }
        if (value == null) {
            data.remove(key);
        } else {
            data.put(key, value);
        }
    }

    @Nullable
    String widgetState(String key) {
        return widgetState.get(key);
    }

    void putWidgetState(String key, @Nullable String value) {
        if (!widgetStateOwned) {
            widgetState = new HashMap<>(widgetState);
            widgetStateOwned = true;
        }
        if (value == null) {
            widgetState.remove(key);
        } else {
            widgetState.put(key, value);
        }
    }

    Frame freeze() {
        return new Frame(id, dialogId, windowId, revision, startInput, data, widgetState, spill);
    }
}
