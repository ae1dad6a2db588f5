package dev.tgdialog.spi;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.telegram.types.CallbackQuery;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DialogContext} for one widget: it reads and writes the widget's own state, kept in the stack frame under
 * the widget's id (so two widgets may use the same key names). State written while handling an update is saved only
 * if the whole update succeeds.
 */
public interface WidgetContext extends DialogContext {

    /** The id of the widget this context belongs to. */
    String widgetId();

    /** A value of this widget's state, or null. */
    <T> @Nullable T state(Key<T> key);

    /** {@link #state(Key)}, or {@code fallback} when there is none. */
    default <T> T state(Key<T> key, T fallback) {
        T value = state(key);
        return value != null ? value : fallback;
    }

    /** Sets a value of this widget's state; null removes it. */
    <T> void setState(Key<T> key, @Nullable T value);

    /** Sets a value of another widget's state (a pager turning its scrolling group's page); null removes it. */
    <T> void setWidgetState(String widgetId, Key<T> key, @Nullable T value);

    /** The callback query being handled, when the update is a click. */
    @Nullable
    CallbackQuery callbackQuery();

    /**
     * The context of {@code widgetId}, a member of {@code scope}, which this context's widget repeats or nests: the
     * same update and dialog, with the member's state kept per scope and its buttons calling back to this widget
     * (see {@link Scope}). Everything else reads as this context does, so a repeating widget forwards nothing.
     */
    WidgetContext scoped(Scope scope, String widgetId);

    /** The innermost scope this context's widget renders or handles a click in, or null when it is in none. */
    @Nullable
    Scope scope();
}
