package dev.tgdialog;

/**
 * Loads what a window shows: its dialog's and its own getters run once per render, before its texts and widgets
 * render, and once in a handler run while it shows (a click, a message, a command) the first time the handler asks
 * for a value. Values a
 * getter {@link Values#provide provides} are read back with {@link DialogContext#get(Key)} for that render or
 * handler only (they are not stored).
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
