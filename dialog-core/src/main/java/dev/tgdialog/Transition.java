package dev.tgdialog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a handler wants to happen after an update: a {@link Move} (stay, move to another window, start a child
 * dialog, finish this one), which can carry data changes ({@link Move#with}) and how to show the result
 * ({@link Move#show}); or a {@link Reject}, which refuses a click and so has neither. Transitions are immutable
 * values, so a handler's test is a value comparison:
 * {@code assertEquals(next().with(SIZE, "M"), handler.onClick(ctx))}.
 */
public sealed interface Transition permits Transition.Move, Transition.Reject {

    /** Data changes to apply and how to show the result; none (and {@link ShowMode#AUTO}) for a {@link Reject}. */
    Changes changes();

    /** Keep the current window; re-render it (an identical render sends nothing). */
    static Stay stay() {
        return new Stay(Changes.NONE);
    }

    /** The window after the current one, in the order the dialog declares them. */
    static Next next() {
        return new Next(Changes.NONE);
    }

    /** The window before the current one. */
    static Back back() {
        return new Back(Changes.NONE);
    }

    /** A given window of the current dialog. */
    static SwitchTo switchTo(WindowId window) {
        return new SwitchTo(window.name(), Changes.NONE);
    }

    /** Starts {@code dialog} on top of the current one, with no input. */
    static Start start(Dialog dialog) {
        return new Start(dialog, null, StartMode.NORMAL, Changes.NONE);
    }

    /** Starts {@code dialog} this way (over the current one, or replacing the whole stack), with no input. */
    static Start start(Dialog dialog, StartMode mode) {
        return new Start(dialog, null, mode, Changes.NONE);
    }

    /** Starts {@code dialog} on top of the current one, with an input it reads with {@link DialogContext#input}. */
    static Start start(Dialog dialog, Object input) {
        return new Start(dialog, Objects.requireNonNull(input, "input"), StartMode.NORMAL, Changes.NONE);
    }

    /**
     * Starts {@code dialog} with an input it reads with {@link DialogContext#input(Class)}, this way; prefer
     * {@link #start(Dialog, StartMode)} or {@link #start(Dialog, Object)} when there is no input or the mode is
     * {@link StartMode#NORMAL}.
     */
    static Start start(Dialog dialog, @Nullable Object input, StartMode mode) {
        return new Start(dialog, input, mode, Changes.NONE);
    }

    /** Closes the current dialog without a result. */
    static Done done() {
        return new Done(null, null, Changes.NONE);
    }

    /** Closes the current dialog and hands {@code result} to the parent's result handler. */
    static Done done(@Nullable Object result) {
        return new Done(result, null, Changes.NONE);
    }

    /** Refuses a click: the user sees {@code toast}, nothing changes. */
    static Reject reject(String toast) {
        return new Reject(toast);
    }

    /**
     * A transition that is carried out: it may set data and say how to show the result. Every transition but a
     * {@link Reject}.
     */
    sealed interface Move extends Transition permits Stay, Next, Back, SwitchTo, Start, Done {
        /** This transition with {@code key} set to {@code value} (null removes it) in the dialog's data. */
        <T> Move with(Key<T> key, @Nullable T value);

        /** This transition shown this way instead of {@link ShowMode#AUTO}. */
        Move show(ShowMode mode);

        /**
         * This transition with a one-time line shown above the text of the window that shows next (a validation
         * error, a confirmation). The line is plain text, escaped for the window's parse mode; it is not stored, so
         * the following render leaves it out. Called again, the lines stack in order.
         */
        Move reply(String line);
    }

    /**
     * Data changes, show mode and one-time reply lines, carried by every transition.
     *
     * @param data the data changes, in order
     * @param show how to show the result
     * @param replies lines shown once above the next window's text (see {@link Move#reply})
     */
    record Changes(List<Change<?>> data, ShowMode show, List<String> replies) {
        static final Changes NONE = new Changes(List.of(), ShowMode.AUTO, List.of());

        public Changes {
            data = List.copyOf(data);
            Objects.requireNonNull(show, "show");
            replies = List.copyOf(replies);
        }

        <T> Changes plus(Key<T> key, @Nullable T value) {
            List<Change<?>> more = new ArrayList<>(data);
            more.add(new Change<>(key, value));
            return new Changes(more, show, replies);
        }

        Changes showing(ShowMode mode) {
            return new Changes(data, mode, replies);
        }

        Changes replying(String line) {
            Objects.requireNonNull(line, "line");
            List<String> more = new ArrayList<>(replies);
            more.add(line);
            return new Changes(data, show, more);
        }
    }

    /** One data change: set {@code key} to {@code value}, or remove it when the value is null. */
    record Change<T>(Key<T> key, @Nullable T value) {
        public Change {
            Objects.requireNonNull(key, "key");
        }
    }

    /** Keep the current window. */
    record Stay(Changes changes) implements Move {
        @Override
        public <T> Stay with(Key<T> key, @Nullable T value) {
            return new Stay(changes.plus(key, value));
        }

        @Override
        public Stay show(ShowMode mode) {
            return new Stay(changes.showing(mode));
        }

        @Override
        public Stay reply(String line) {
            return new Stay(changes.replying(line));
        }
    }

    /** The next window. */
    record Next(Changes changes) implements Move {
        @Override
        public <T> Next with(Key<T> key, @Nullable T value) {
            return new Next(changes.plus(key, value));
        }

        @Override
        public Next show(ShowMode mode) {
            return new Next(changes.showing(mode));
        }

        @Override
        public Next reply(String line) {
            return new Next(changes.replying(line));
        }
    }

    /** The previous window. */
    record Back(Changes changes) implements Move {
        @Override
        public <T> Back with(Key<T> key, @Nullable T value) {
            return new Back(changes.plus(key, value));
        }

        @Override
        public Back show(ShowMode mode) {
            return new Back(changes.showing(mode));
        }

        @Override
        public Back reply(String line) {
            return new Back(changes.replying(line));
        }
    }

    /** A named window of the current dialog. */
    record SwitchTo(String windowId, Changes changes) implements Move {
        @Override
        public <T> SwitchTo with(Key<T> key, @Nullable T value) {
            return new SwitchTo(windowId, changes.plus(key, value));
        }

        @Override
        public SwitchTo show(ShowMode mode) {
            return new SwitchTo(windowId, changes.showing(mode));
        }

        @Override
        public SwitchTo reply(String line) {
            return new SwitchTo(windowId, changes.replying(line));
        }
    }

    /** Start a dialog; the data changes apply to the current dialog before the child starts. */
    record Start(Dialog dialog, @Nullable Object input, StartMode mode, Changes changes) implements Move {
        public Start {
            Objects.requireNonNull(dialog, "dialog");
            Objects.requireNonNull(mode, "mode");
        }

        @Override
        public <T> Start with(Key<T> key, @Nullable T value) {
            return new Start(dialog, input, mode, changes.plus(key, value));
        }

        @Override
        public Start show(ShowMode mode) {
            return new Start(dialog, input, this.mode, changes.showing(mode));
        }

        @Override
        public Start reply(String line) {
            return new Start(dialog, input, this.mode, changes.replying(line));
        }
    }

    /**
     * Close the current dialog with a result. When it was the last one open, {@code farewell} (if given) replaces
     * its message; otherwise the parent's window shows.
     */
    record Done(@Nullable Object result, @Nullable String farewell, Changes changes) implements Move {
        @Override
        public <T> Done with(Key<T> key, @Nullable T value) {
            return new Done(result, farewell, changes.plus(key, value));
        }

        @Override
        public Done show(ShowMode mode) {
            return new Done(result, farewell, changes.showing(mode));
        }

        @Override
        public Done reply(String line) {
            return new Done(result, farewell, changes.replying(line));
        }

        /** The text the last message shows when this closes the last open dialog (its buttons removed). */
        public Done saying(String farewell) {
            return new Done(result, Objects.requireNonNull(farewell, "farewell"), changes);
        }
    }

    /**
     * Refuse: answer the click with {@code toast} and change nothing, so it carries no data and no show mode. For
     * an update that is not a click (a message, a command) there is no toast to show, and it acts as a
     * {@link #stay()}.
     */
    record Reject(String toast) implements Transition {
        public Reject {
            Objects.requireNonNull(toast, "toast");
        }

        /** No data changes and {@link ShowMode#AUTO}: a refusal changes nothing. */
        @Override
        public Changes changes() {
            return Changes.NONE;
        }
    }
}
