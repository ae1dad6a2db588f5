package dev.tgdialog;

/**
 * Loads what a window shows, once per render, before its texts and widgets render: values it
 * {@link Values#provide provides} are read back with {@link DialogContext#get(Key)} for this render only (they are
 * not stored).
 */
@FunctionalInterface
public interface Getter {

    /** Loads the values of this render. */
    void load(Values ctx) throws Exception;

    /** The context of a getter: a {@link DialogContext} that also takes the values of the render. */
    interface Values extends DialogContext {
        /** Makes {@code value} the value of {@code key} for this render. */
        <T> void provide(Key<T> key, T value);
    }
}
