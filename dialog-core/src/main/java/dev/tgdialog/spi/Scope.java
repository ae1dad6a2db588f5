package dev.tgdialog.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One copy of the widgets a widget repeats or nests (a list's item): the widgets named in {@link #widgetIds} keep
 * their state per copy, and their buttons call back to the widget that owns the scope. A widget that repeats others
 * renders and routes them through {@link WidgetContext#scoped} and needs to forward nothing:
 *
 * <ul>
 *   <li><b>State</b>: a member widget {@code w} keeps its state under {@code <ownerId>:<key>:<w>} (the owner's id as
 *       it is stored, so scopes nest); ids outside {@link #widgetIds} read and write the window's own state.
 *   <li><b>Buttons</b>: a member's button carries {@code <key>:<w>:<payload>} to the owner's
 *       {@link KeyboardWidget#onClick}; {@link Click#parse} takes it apart there, and the owner hands the rest to
 *       {@code w} with {@code ctx.scoped(scope, w)}.
 *   <li><b>Reading the copy</b>: {@link WidgetContext#scope()} gives a member's handlers and render this scope, and
 *       so its {@link #item}.
 * </ul>
 *
 * @param key the copy's stable id, 1-32 of {@code A-Z a-z 0-9 _ . -} (it is part of payloads and state names)
 * @param widgetIds the ids of the widgets that keep their state per copy (nested ones included)
 * @param item what the copy stands for (a list's item), for the members' handlers
 */
public record Scope(String key, Set<String> widgetIds, Object item) {
    /** The longest key: payloads and state names carry it. */
    public static final int MAX_KEY_LENGTH = 32;
    /** Separates key, widget id and payload in a member's callback payload and state name. */
    public static final char SEPARATOR = ':';

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_KEY_LENGTH + "}");

    /** Checks the key and copies the ids. */
    public Scope {
        if (!isKey(key)) {
            throw new IllegalArgumentException(
                    "scope key \"" + key + "\" must be 1-" + MAX_KEY_LENGTH + " of A-Z a-z 0-9 _ . -");
        }
        widgetIds = Set.copyOf(widgetIds);
        Objects.requireNonNull(item, "item");
    }

    /** Whether {@code key} may be a scope's key: 1-32 of {@code A-Z a-z 0-9 _ . -}. */
    public static boolean isKey(String key) {
        return KEY.matcher(key).matches();
    }

    /**
     * A click on a scoped widget's button as its scope's owner receives it: the scope's key, the member widget's
     * id and that widget's own payload.
     *
     * @param key the key of the scope the button was rendered in
     * @param widgetId the id of the member widget that made the button
     * @param payload the payload that widget gave the button
     */
    public record Click(String key, String widgetId, String payload) {

        /** The payload a scoped member's button carries to the owner; {@link #parse} reads it back. */
        public String encode() {
            return key + SEPARATOR + widgetId + SEPARATOR + payload;
        }

        /**
         * {@code payload} taken apart, or empty when it is not {@code <key>:<widgetId>:<payload>} with a valid key and
         * widget id (a forged or foreign payload: refuse it).
         */
        public static Optional<Click> parse(String payload) {
            int first = payload.indexOf(SEPARATOR);
            int second = first < 0 ? -1 : payload.indexOf(SEPARATOR, first + 1);
            if (second < 0) {
                return Optional.empty();
            }
            String key = payload.substring(0, first);
            String widgetId = payload.substring(first + 1, second);
            if (!isKey(key) || !Widget.isId(widgetId)) {
                return Optional.empty();
            }
            return Optional.of(new Click(key, widgetId, payload.substring(second + 1)));
        }
    }
}
