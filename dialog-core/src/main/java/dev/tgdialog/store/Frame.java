package dev.tgdialog.store;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One open dialog in a stack: which dialog, which of its windows shows, and the dialog's data. Values are JSON
 * text, so any store keeps them as they are; the engine reads them back typed through {@code Key<T>}.
 *
 * @param id unique within its stack, never reused (base-62 of the stack's counter)
 * @param dialogId the dialog's id
 * @param windowId the window showing (the author's enum constant's name)
 * @param revision counts the window changes of this frame; buttons of an older revision are stale
 * @param startInput what the dialog was started with, as JSON, or null
 * @param data the dialog's data: key name to JSON value
 * @param widgetState widgets' state: {@code widgetId/name} to JSON value
 * @param spill long callback payloads of the current render: token to payload
 */
public record Frame(
        String id,
        String dialogId,
        String windowId,
        long revision,
        @Nullable String startInput,
        Map<String, String> data,
        Map<String, String> widgetState,
        Map<String, String> spill) {

    public Frame {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dialogId, "dialogId");
        Objects.requireNonNull(windowId, "windowId");
        data = Map.copyOf(data);
        widgetState = Map.copyOf(widgetState);
        spill = Map.copyOf(spill);
    }
}
