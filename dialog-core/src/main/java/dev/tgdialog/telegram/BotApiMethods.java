package dev.tgdialog.telegram;

import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The names of the Bot API's methods ({@code sendMessage}, {@code answerCallbackQuery}, …) of the version the model
 * was generated from: to tell a Bot API method from a {@link BotMethod} of one's own, for example to keep a metric's
 * method tag to a known, bounded set. Immutable and thread-safe.
 */
public final class BotApiMethods {
    private static final String RESOURCE = "/dev/tgdialog/telegram/botapi-spec.json";

    private BotApiMethods() {}

    /**
     * Every method name, spelled as the spec spells it; read from the spec shipped in the jar on first use.
     *
     * @return the 180 names, immutable
     */
    public static Set<String> names() {
        return Names.ALL;
    }

    /**
     * Whether {@code name} is a method of the Bot API, spelled as the spec spells it.
     *
     * @param name a method name, such as {@code sendMessage}
     * @return true for a Bot API method, false for any other name (also one spelled in another case)
     */
    public static boolean contains(String name) {
        return Names.ALL.contains(name);
    }

    /** Read when first asked for, so a bot that never asks never parses the spec. */
    private static final class Names {
        static final Set<String> ALL = read();

        private static Set<String> read() {
            try (InputStream in = BotApiMethods.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                Set<String> names = new HashSet<>();
                // Streamed: only the keys of "methods" are read, the rest of the half-megabyte spec is skipped.
                try (JsonReader json = new JsonReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    json.beginObject();
                    while (json.hasNext()) {
                        if (!json.nextName().equals("methods")) {
                            json.skipValue();
                            continue;
                        }
                        json.beginObject();
                        while (json.hasNext()) {
                            names.add(json.nextName());
                            json.skipValue();
                        }
                        json.endObject();
                    }
                }
                return Set.copyOf(names);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
