package dev.tgdialog.spi;

import dev.tgdialog.Transition;

/**
 * A part of a window that reacts to the user. Its id names it in callback data and in its state, so it must be
 * unique within a window, 1-16 of {@code A-Z a-z 0-9 _ -}; widgets that make no callbacks and keep no state (a
 * layout, a URL button) use {@code ""}. Implementations must be immutable and thread-safe.
 */
public interface Widget {
    /** The most characters a widget id may have (callback data is 64 bytes in all). */
    int MAX_ID_LENGTH = 16;

    /** The widget's id, or {@code ""} for none. */
    String id();

    /**
     * Where handling this widget's clicks or messages may lead, as declared (a navigation button's one move, or an
     * author's hint, {@link KeyboardWidget#leadsTo(Transition.Move...)}): read by previews and transition maps, never
     * by the engine. Nested widgets declare their own. None by default.
     */
    default java.util.List<Transition.Move> leadsTo() {
        return java.util.List.of();
    }

    /** Whether {@code id} is a valid (non-empty) widget id: 1-16 of {@code A-Z a-z 0-9 _ -}. */
    static boolean isId(String id) {
        return Ids.WIDGET_ID.matcher(id).matches();
    }

    /**
     * {@code id} when it is a valid widget id, else an {@link IllegalArgumentException} naming {@code what} (a
     * builder's check: {@code Widget.checkId(id, "DatePicker")}).
     */
    static String checkId(String id, String what) {
        if (!isId(id)) {
            throw new IllegalArgumentException(
                    what + " id must be 1-" + MAX_ID_LENGTH + " of A-Z a-z 0-9 _ -, was \"" + id + "\"");
        }
        return id;
    }
}
