package dev.tgdialog;

import dev.tgdialog.internal.engine.Definitions;
import dev.tgdialog.internal.engine.TypedResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A conversation of windows, one per state: it starts at its first window, moves between them on transitions, and
 * may start child dialogs and receive their results. Built once at start-up; immutable and thread-safe.
 *
 * <pre>{@code
 * static final Dialog ORDER = Dialog.builder("order")
 *     .window(Step.SIZE, w -> w.text("Which size?").add(...))
 *     .window(Step.CONFIRM, w -> w.format("Size {size}. Order?").add(...))
 *     .build();
 * }</pre>
 */
public final class Dialog {
    static {
        Definitions.install(new EngineView());
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final String id;
    final List<Window> windows;
    private final Map<String, Integer> index;
    final @Nullable DialogHandler onStart;
    final @Nullable DialogHandler onClose;
    final Map<String, TypedResult<?>> resultHandlers;
    final List<Getter> getters;

    private Dialog(Builder b) {
        this.id = b.id;
        List<Window> built = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        for (Window.Builder w : b.windows) {
            Window window = w.build(id);
            if (positions.putIfAbsent(window.id(), built.size()) != null) {
                throw new IllegalArgumentException("dialog " + id + " has two windows " + window.id());
            }
            built.add(window);
        }
        this.windows = List.copyOf(built);
        this.index = Map.copyOf(positions);
        this.onStart = b.onStart;
        this.onClose = b.onClose;
        this.resultHandlers = Map.copyOf(b.resultHandlers);
        this.getters = List.copyOf(b.getters);
    }

    /** Starts building a dialog with this id (stable: it is stored in users' stacks). */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    public String id() {
        return id;
    }

    /** The ids of the dialog's windows, in the order declared (the first is where it starts). */
    public List<String> windowIds() {
        return windows.stream().map(Window::id).toList();
    }

    /**
     * The moves the widgets of this window declare ({@link dev.tgdialog.spi.Widget#leadsTo()}), nested widgets
     * included, in the order the widgets were added: what a transition map draws from this window.
     *
     * @throws IllegalArgumentException when the dialog has no window with this id
     */
    public List<Transition.Move> declaredMoves(String windowId) {
        Window window = window(windowId);
        if (window == null) {
            throw new IllegalArgumentException("dialog " + id + " has no window " + windowId);
        }
        List<Transition.Move> moves = new ArrayList<>();
        window.keyboard.forEach(w -> collectMoves(w, moves));
        window.inputs.forEach(w -> collectMoves(w, moves));
        return List.copyOf(moves);
    }

    private static void collectMoves(dev.tgdialog.spi.Widget widget, List<Transition.Move> into) {
        into.addAll(widget.leadsTo());
        if (widget instanceof dev.tgdialog.spi.KeyboardWidget k) {
            k.children().forEach(child -> collectMoves(child, into));
        }
    }

    /** The window with this id, or null. */
    @Nullable
    Window window(String windowId) {
        Integer i = index.get(windowId);
        return i == null ? null : windows.get(i);
    }

    /** The window at this distance from the one with this id, or null past either end. */
    @Nullable
    Window beside(String windowId, int offset) {
        Integer i = index.get(windowId);
        int at = i == null ? -1 : i + offset;
        return i == null || at < 0 || at >= windows.size() ? null : windows.get(at);
    }

    @Override
    public String toString() {
        return "Dialog[" + id + "]";
    }

    /** Builds a {@link Dialog}; mistakes (no windows, duplicate ids, bad widget ids) fail in {@link #build()}. */
    public static final class Builder {
        private final String id;
        private final List<Window.Builder> windows = new ArrayList<>();
        private @Nullable DialogHandler onStart;
        private @Nullable DialogHandler onClose;
        private final Map<String, TypedResult<?>> resultHandlers = new LinkedHashMap<>();
        private final List<Getter> getters = new ArrayList<>();

        private Builder(String id) {
            Objects.requireNonNull(id, "id");
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a dialog id is 1-64 of A-Z a-z 0-9 _ . -, was \"" + id + "\"");
            }
            this.id = id;
        }

        /** Adds a window; the first added is where the dialog starts. */
        public Builder window(WindowId windowId, Consumer<Window.Builder> spec) {
            Window.Builder w = new Window.Builder(windowId.name());
            spec.accept(w);
            windows.add(w);
            return this;
        }

        /** Runs when the dialog starts, before its first window renders. */
        public Builder onStart(DialogHandler handler) {
            this.onStart = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Runs when the dialog closes (done, cancelled, or reset away), for side effects: its transition is ignored,
         * data changes included (the dialog's data goes with it).
         */
        public Builder onClose(DialogHandler handler) {
            this.onClose = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Receives the typed results of a child dialog. */
        public <R> Builder onResult(Dialog child, Class<R> type, ResultHandler<R> handler) {
            resultHandlers.put(child.id(), new TypedResult<>(type, handler));
            return this;
        }

        /** Loads values before every window of this dialog renders. */
        public Builder getter(Getter getter) {
            getters.add(Objects.requireNonNull(getter, "getter"));
            return this;
        }

        public Dialog build() {
            if (windows.isEmpty()) {
                throw new IllegalArgumentException("dialog " + id + " has no windows");
            }
            return new Dialog(this);
        }
    }
}
