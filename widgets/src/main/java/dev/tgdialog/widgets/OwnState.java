package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.Transition;
import dev.tgdialog.spi.WidgetContext;
import org.jspecify.annotations.Nullable;

/**
 * Reads a widget's value from any context. A widget's state is reachable only through a context of that widget
 * (the SPI has no way to read another widget's state), so elsewhere — another button's handler, a getter, a text —
 * the value is read from the dialog-data key the widget mirrors it into.
 */
final class OwnState {
    private OwnState() {}

    static <V> @Nullable V read(DialogContext ctx, String widgetId, Key<V> state, @Nullable Key<V> into, String what) {
        if (ctx instanceof WidgetContext own && own.widgetId().equals(widgetId)) {
            return own.state(state);
        }
        if (into != null) {
            return ctx.get(into);
        }
        throw new IllegalStateException(what + " " + widgetId + " keeps its value in its own state, which only its "
                + "own handlers and render can read; give it into(key) to read the value anywhere else");
    }

    /**
     * Keeps {@code value} in the widget's state, then runs its change handler (which so reads the new value), and
     * answers the handler's transition with the mirror key set too.
     */
    static <V> Transition change(
            WidgetContext ctx, Key<V> state, @Nullable Key<V> into, @Nullable V value, Handler handler)
            throws Exception {
        ctx.setState(state, value);
        return mirror(handler.run(), into, value);
    }

    /** A change handler called with what it needs. */
    @FunctionalInterface
    interface Handler {
        Transition run() throws Exception;
    }

    /** {@code t} with the mirror key set, unless there is none or the click was refused. */
    private static <V> Transition mirror(Transition t, @Nullable Key<V> into, @Nullable V value) {
        Transition checked = java.util.Objects.requireNonNull(t, "a change handler returned null; return stay()");
        return into != null && checked instanceof Transition.Move move ? move.with(into, value) : checked;
    }
}
