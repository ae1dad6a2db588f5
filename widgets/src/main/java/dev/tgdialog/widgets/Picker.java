package dev.tgdialog.widgets;

import dev.tgdialog.Transition;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.Widget;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the pickers ({@link DatePicker}, {@link TimePicker}) share: an id checked when built, a required pick
 * handler, and the toast for a button that no longer fits what is showing. Immutable and thread-safe.
 *
 * @param <V> the type of the value picked
 */
abstract class Picker<V> implements KeyboardWidget {
    static final String OUT_OF_DATE = "This button is out of date";

    private final String id;
    final ItemHandler<V> onPick;

    Picker(Builder<V, ?> b) {
        this.id = b.id;
        this.onPick = b.onPick();
    }

    @Override
    public final String id() {
        return id;
    }

    /**
     * The toast that refuses a click on a value, or null to go ahead: a value that may not be picked gets
     * {@code invalid}, one that does not belong to what is showing now (an old keyboard) the out-of-date toast.
     */
    static @Nullable Transition refusal(boolean allowed, String invalid, boolean current) {
        return !allowed ? Transition.reject(invalid) : current ? null : Transition.reject(OUT_OF_DATE);
    }

    /**
     * The settings every picker has; not thread-safe, build once at startup.
     *
     * @param <V> the type of the value picked
     * @param <B> the concrete builder, returned by the setters
     */
    abstract static class Builder<V, B extends Builder<V, B>> {
        final String id;
        final String kind;
        private @Nullable ItemHandler<V> onPick;

        Builder(String id, String kind) {
            this.id = Widget.checkId(Objects.requireNonNull(id, "id"), kind);
            this.kind = kind;
        }

        /** What picking a value does (required). */
        public B onPick(ItemHandler<V> onPick) {
            this.onPick = Objects.requireNonNull(onPick, "onPick");
            return self();
        }

        @SuppressWarnings("unchecked")
        final B self() {
            return (B) this;
        }

        private ItemHandler<V> onPick() {
            if (onPick == null) {
                throw new IllegalStateException(kind + " " + id + ": onPick is required");
            }
            return onPick;
        }
    }
}
