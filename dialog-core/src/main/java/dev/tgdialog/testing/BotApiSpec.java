package dev.tgdialog.testing;

import static dev.tgdialog.testing.Refusal.badRequest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Bot API's methods, read once from the machine-readable spec shipped in the jar
 * ({@value #RESOURCE}): which names are methods (matched in any case, as Telegram matches them), and which
 * parameters each requires. Immutable and thread-safe.
 */
final class BotApiSpec {
    private static final String RESOURCE = "/dev/tgdialog/telegram/botapi-spec.json";
    private static final Map<String, Method> METHODS = load();

    /** The file fields whose absence Telegram words as "there is no X in the request". */
    private static final Set<String> FILE_FIELDS =
            Set.of("photo", "document", "video", "animation", "audio", "sticker", "voice", "video_note");

    private BotApiSpec() {}

    /** A method of the Bot API: its exact name, required parameters and whether it returns just a Boolean. */
    record Method(String name, List<String> required, boolean returnsBoolean) {

        /** Refuses the call, in Telegram's words, when a required parameter is missing. */
        void checkRequired(Params p) {
            for (String field : required) {
                if (!p.has(field)) {
                    throw badRequest(missing(field));
                }
            }
        }

        private static String missing(String field) {
            if (field.equals("chat_id")) {
                return "chat_id is empty";
            } else if (field.equals("text")) {
                return "message text is empty";
            } else if (FILE_FIELDS.contains(field)) {
                return "there is no " + field + " in the request";
            }
            return "parameter \"" + field + "\" is required";
        }
    }

    /** The method of this name in any case, or null when the Bot API has none. */
    static @Nullable Method lookup(String name) {
        return METHODS.get(name.toLowerCase(Locale.ROOT));
    }

    /** The method's name as the spec spells it, or the name as given when the Bot API has no such method. */
    static String canonicalName(String name) {
        Method method = lookup(name);
        return method != null ? method.name() : name;
    }

    private static Map<String, Method> load() {
        try (InputStream in = BotApiSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            Map<String, Method> methods = new HashMap<>();
            for (Map.Entry<String, JsonElement> entry :
                    root.getAsJsonObject("methods").entrySet()) {
                Method method = read(entry.getKey(), entry.getValue().getAsJsonObject());
                methods.put(method.name().toLowerCase(Locale.ROOT), method);
            }
            return Map.copyOf(methods);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Method read(String name, JsonObject method) {
        List<String> required = new ArrayList<>();
        JsonArray fields = method.getAsJsonArray("fields");
        if (fields != null) {
            for (JsonElement f : fields) {
                JsonObject field = f.getAsJsonObject();
                if (field.has("required") && field.get("required").getAsBoolean()) {
                    required.add(field.get("name").getAsString());
                }
            }
        }
        JsonArray returns = method.getAsJsonArray("returns");
        boolean returnsBoolean = returns != null
                && returns.size() == 1
                && returns.get(0).getAsString().equals("Boolean");
        return new Method(name, List.copyOf(required), returnsBoolean);
    }
}
