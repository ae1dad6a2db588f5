package dev.tgdialog.widgets;

import dev.tgdialog.widget.KeyboardWidget;
import dev.tgdialog.widget.Widget;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the pickers ({@link DatePicker}, {@link TimePicker}) share: an id checked when built, a required pick
 * handler, and the toast for a button that no longer fits what is showing. Immutable and thread-safe.
 *
 * @param <H> the pick handler's type
 */
abstract class Picker<H> implements KeyboardWidget {
    static final String OUT_OF_DATE = "This button is out of date";

    private final String id;
    final H onPick;

    Picker(Builder<H, ?> b) {
        this.id = b.id;
        this.onPick = b.onPick();
    }

    @Override
    public final String id() {
        return id;
    }

    /**
     * The settings every picker has; not thread-safe, build once at startup.
     *
     * @param <H> the pick handler's type
     * @param <B> the concrete builder, returned by the setters
     */
    abstract static class Builder<H, B extends Builder<H, B>> {
        final String id;
        final String kind;
        private @Nullable H onPick;

        Builder(String id, String kind) {
            this.id = Widget.checkId(Objects.requireNonNull(id, "id"), kind);
            this.kind = kind;
        }

        /** What picking does (required). */
        public B onPick(H onPick) {
            this.onPick = Objects.requireNonNull(onPick, "onPick");
            return self();
        }

        @SuppressWarnings("unchecked")
        final B self() {
            return (B) this;
        }

        private H onPick() {
            if (onPick == null) {
                throw new IllegalStateException(kind + " " + id + ": onPick is required");
            }
            return onPick;
        }
    }
}
