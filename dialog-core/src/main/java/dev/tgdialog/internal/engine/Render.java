package dev.tgdialog.internal.engine;

import dev.tgdialog.Key;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The scratch state of one render: getter values and spilled payloads. Handlers of clicks and messages get one too,
 * whose getters run only if something asks for a value, so a widget can check a click against the items the
 * window shows now.
 */
final class Render {
    /** Runs the getters of a window into a render. */
    interface Loader {
        void load(Render render) throws Exception;
    }

    final Map<Key<?>, Object> values = new HashMap<>();
    final Map<String, String> spill = new LinkedHashMap<>();
    private @Nullable Loader loader;

    Render() {}

    /** A render whose getters run on first need. */
    static Render lazy(Loader loader) {
        Render render = new Render();
        render.loader = loader;
        return render;
    }

    void ensureLoaded() {
        Loader pending = loader;
        if (pending != null) {
            loader = null;
            try {
                pending.load(this);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new GetterException(e);
            }
        }
    }

    /** A checked exception of a getter that ran on first need, carried to the error handlers. */
    static final class GetterException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GetterException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
