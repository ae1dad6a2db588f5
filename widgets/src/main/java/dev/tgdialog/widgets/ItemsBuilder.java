package dev.tgdialog.widgets;

import dev.tgdialog.Key;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The settings every widget over a list of items has ({@link Select}, {@link Radio}, {@link Toggle},
 * {@link Multiselect}, {@link ListGroup}): the {@linkplain dev.tgdialog.widgets item source}, the items' stable ids
 * and the toast for a click on an item that is gone. Each layer below adds the settings of the widgets that share
 * them, so a setting is written once. Not thread-safe; the widgets it builds are.
 *
 * @param <T> the item type
 * @param <B> the concrete builder, which the setters return
 */
abstract class ItemsBuilder<T, B extends ItemsBuilder<T, B>> {
    final String id;
    final Items.Source<T> source;
    Function<T, String> itemId = String::valueOf;
    Function<T, String> label = String::valueOf;
    String staleToast;

    ItemsBuilder(String id, Items.Source<T> source, String staleToast) {
        this.id = Objects.requireNonNull(id, "id");
        this.source = Objects.requireNonNull(source, "items");
        this.staleToast = staleToast;
    }

    /**
     * The stable id of an item, carried in its button's payload and kept in the widget's state;
     * {@link String#valueOf} by default.
     */
    public B itemId(Function<T, String> itemId) {
        this.itemId = Objects.requireNonNull(itemId, "itemId");
        return self();
    }

    /** The toast for a click on an item that is no longer among the items, or a forged or out-of-date one. */
    public B staleToast(String toast) {
        this.staleToast = Objects.requireNonNull(toast, "toast");
        return self();
    }

    /** The items as these settings describe them. */
    Items<T> items() {
        return new Items<>(id, source, itemId, label);
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }

    /** Settings of widgets that show their items' labels. */
    abstract static class Labelled<T, B extends Labelled<T, B>> extends ItemsBuilder<T, B> {
        Labelled(String id, Items.Source<T> source, String staleToast) {
            super(id, source, staleToast);
        }

        /**
         * The label of an item (put in the formats' {@code {label}} where there are any); {@link String#valueOf} by
         * default.
         */
        public B label(Function<T, String> label) {
            this.label = Objects.requireNonNull(label, "label");
            return self();
        }
    }

    /**
     * Settings of widgets that keep a value chosen among the items in their state ({@link Radio}, {@link Toggle},
     * {@link Multiselect}): what a change does, and the key they may mirror the value into.
     *
     * @param <H> the change handler's type
     * @param <V> the type of the value kept (an item id, or a list of them)
     */
    abstract static class Choice<T, B extends Choice<T, B, H, V>, H, V> extends Labelled<T, B> {
        H onChange;

        @Nullable
        Key<V> into;

        Choice(String id, Items.Source<T> source, String staleToast, H onChange) {
            super(id, source, staleToast);
            this.onChange = onChange;
        }

        /** Runs after a click changed the value (the state already holds it); by default the widget just keeps it. */
        public B onChange(H onChange) {
            this.onChange = Objects.requireNonNull(onChange, "onChange");
            return self();
        }

        /**
         * Also keeps the value in the dialog's data under {@code key} (removed when there is none), so other
         * handlers, getters and texts can read it.
         */
        public B into(Key<V> key) {
            this.into = Objects.requireNonNull(key, "key");
            return self();
        }
    }

    /** Settings of widgets that show every item as a button, checked or not ({@link Radio}, {@link Multiselect}). */
    abstract static class Checks<T, B extends Checks<T, B, H, V>, H, V> extends Choice<T, B, H, V> {
        int width = 1;
        String checkedFormat;
        String uncheckedFormat;

        Checks(String id, Items.Source<T> source, H onChange, String checkedFormat, String uncheckedFormat) {
            super(id, source, "This item is no longer available", onChange);
            this.checkedFormat = checkedFormat;
            this.uncheckedFormat = uncheckedFormat;
        }

        /** Buttons per row, 1-8; 1 by default. */
        public B width(int width) {
            this.width = Items.checkWidth(width);
            return self();
        }

        /** A checked item's label, {@code {label}} standing for the item's label. */
        public B checkedFormat(String format) {
            this.checkedFormat = Objects.requireNonNull(format, "format");
            return self();
        }

        /** An unchecked item's label, {@code {label}} standing for the item's label. */
        public B uncheckedFormat(String format) {
            this.uncheckedFormat = Objects.requireNonNull(format, "format");
            return self();
        }
    }
}
