package dev.tgdialog.internal.engine;

import dev.tgdialog.store.Frame;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A frame being changed by one update; frozen back into a {@link Frame} when the update succeeds. */
final class WorkFrame {
    final String id;
    final String dialogId;
    String windowId;
    long revision;
    final @Nullable String startInput;
    final Map<String, String> data;
    final Map<String, String> widgetState;
    Map<String, String> spill;

    WorkFrame(String id, String dialogId, String windowId, long revision, @Nullable String startInput,
            Map<String, String> data, Map<String, String> widgetState, Map<String, String> spill) {
        this.id = id;
        this.dialogId = dialogId;
        this.windowId = windowId;
        this.revision = revision;
        this.startInput = startInput;
        this.data = new HashMap<>(data);
        this.widgetState = new HashMap<>(widgetState);
        this.spill = new HashMap<>(spill);
    }

    static WorkFrame of(Frame f) {
        return new WorkFrame(f.id(), f.dialogId(), f.windowId(), f.revision(), f.startInput(), f.data(),
                f.widgetState(), f.spill());
    }

    Frame freeze() {
        return new Frame(id, dialogId, windowId, revision, startInput, data, widgetState, spill);
    }
}
