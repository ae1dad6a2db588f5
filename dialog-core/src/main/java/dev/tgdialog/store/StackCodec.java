package dev.tgdialog.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack as one compact JSON document, for stores that keep text (Redis). The document carries its format
 * version ({@code "v"}), so a store can migrate documents written by an older tgdialog. Thread-safe; stateless.
 */
public final class StackCodec {
    /** The format this codec writes. */
    public static final int FORMAT_VERSION = 1;

    private StackCodec() {}

    /** The stack as JSON text. */
    public static String encode(Stack stack) {
        // Streamed, not built as a tree: a Redis-backed bot encodes one stack per update.
        StringWriter text = new StringWriter(256);
        try (JsonWriter json = new JsonWriter(text)) {
            json.beginObject();
            json.name("v").value(FORMAT_VERSION);
            json.name("id").value(stack.id());
            json.name("version").value(stack.version());
            json.name("next").value(stack.nextFrameId());
            ShownMessage shown = stack.lastMessage();
            if (shown != null) {
                json.name("last").beginObject();
                json.name("id").value(shown.messageId());
                json.name("kind").value(shown.kind());
                json.name("hash").value(shown.renderHash());
                json.endObject();
            }
            json.name("updates").beginArray();
            for (long id : stack.recentUpdateIds()) {
                json.value(id);
            }
            json.endArray();
            json.name("frames").beginArray();
            for (Frame frame : stack.frames()) {
                json.beginObject();
                json.name("id").value(frame.id());
                json.name("dialog").value(frame.dialogId());
                json.name("window").value(frame.windowId());
                json.name("rev").value(frame.revision());
                if (frame.startInput() != null) {
                    json.name("input").value(frame.startInput());
                }
                map(json.name("data"), frame.data());
                map(json.name("state"), frame.widgetState());
                map(json.name("spill"), frame.spill());
                json.endObject();
            }
            json.endArray();
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing into memory failed", e);
        }
        return text.toString();
    }

    /**
     * The stack this JSON holds.
     *
     * @throws StackStoreException when the text is not a stack document of a format this codec reads; the message
     *     names the field that is missing or of the wrong type
     */
    public static Stack decode(String text) {
        JsonObject json = document(text);
        int format = format(json);
        if (format != FORMAT_VERSION) {
            throw new StackStoreException("stack document format " + format + " is not " + FORMAT_VERSION
                    + "; migrate it before decoding");
        }
        ShownMessage last = null;
        JsonElement lastJson = json.get("last");
        if (lastJson != null && !lastJson.isJsonNull()) {
            JsonObject l = object(json, "last", "the document");
            last = new ShownMessage(number(l, "id", "\"last\""), string(l, "kind", "\"last\""),
                    string(l, "hash", "\"last\""));
        }
        List<Long> updates = new ArrayList<>();
        JsonArray updatesJson = array(json, "updates", "the document");
        for (int i = 0; i < updatesJson.size(); i++) {
            updates.add(number(updatesJson.get(i), "updates[" + i + "]"));
        }
        List<Frame> frames = new ArrayList<>();
        JsonArray framesJson = array(json, "frames", "the document");
        for (int i = 0; i < framesJson.size(); i++) {
            String where = "frames[" + i + "]";
            if (!framesJson.get(i).isJsonObject()) {
                throw malformed(where + " is not an object");
            }
            JsonObject f = framesJson.get(i).getAsJsonObject();
            JsonElement input = f.get("input");
            frames.add(new Frame(
                    string(f, "id", where),
                    string(f, "dialog", where),
                    string(f, "window", where),
                    number(f, "rev", where),
                    input == null || input.isJsonNull() ? null : string(f, "input", where),
                    map(f, "data", where),
                    map(f, "state", where),
                    map(f, "spill", where)));
        }
        return new Stack(string(json, "id", "the document"), frames, number(json, "version", "the document"),
                last, updates, number(json, "next", "the document"));
    }

    /** The format version of a stored document, for a migration hook to look at before decoding. */
    public static int formatOf(String text) {
        return format(document(text));
    }

    private static int format(JsonObject json) {
        long format = number(json, "v", "the document");
        if (format < 0 || format > Integer.MAX_VALUE) {
            throw malformed("the document: \"v\" is not a format version");
        }
        return (int) format;
    }

    private static JsonObject document(String text) {
        JsonElement json;
        try {
            json = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new StackStoreException("not a stack document: " + e.getMessage(), e);
        }
        if (!json.isJsonObject()) {
            throw malformed("the text is not a JSON object");
        }
        return json.getAsJsonObject();
    }

    private static JsonElement field(JsonObject json, String name, String where) {
        JsonElement value = json.get(name);
        if (value == null || value.isJsonNull()) {
            throw malformed(where + " has no \"" + name + "\"");
        }
        return value;
    }

    private static JsonObject object(JsonObject json, String name, String where) {
        JsonElement value = field(json, name, where);
        if (!value.isJsonObject()) {
            throw malformed(where + ": \"" + name + "\" is not an object");
        }
        return value.getAsJsonObject();
    }

    private static JsonArray array(JsonObject json, String name, String where) {
        JsonElement value = field(json, name, where);
        if (!value.isJsonArray()) {
            throw malformed(where + ": \"" + name + "\" is not an array");
        }
        return value.getAsJsonArray();
    }

    private static String string(JsonObject json, String name, String where) {
        JsonElement value = field(json, name, where);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw malformed(where + ": \"" + name + "\" is not a string");
        }
        return value.getAsString();
    }

    private static long number(JsonObject json, String name, String where) {
        return number(field(json, name, where), where + ": \"" + name + "\"");
    }

    private static long number(JsonElement value, String what) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw malformed(what + " is not a number");
        }
        try {
            return value.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw malformed(what + " is not a whole number in range");
        }
    }

    /** A frame's map: absent or null reads as empty; its values must be strings. */
    private static Map<String, String> map(JsonObject frame, String name, String where) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonElement value = frame.get(name);
        if (value == null || value.isJsonNull()) {
            return values;
        }
        if (!value.isJsonObject()) {
            throw malformed(where + ": \"" + name + "\" is not an object");
        }
        for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
            if (!e.getValue().isJsonPrimitive() || !e.getValue().getAsJsonPrimitive().isString()) {
                throw malformed(where + ": \"" + name + "\" value of \"" + e.getKey() + "\" is not a string");
            }
            values.put(e.getKey(), e.getValue().getAsString());
        }
        return values;
    }

    private static StackStoreException malformed(String problem) {
        return new StackStoreException("not a stack document: " + problem);
    }

    private static void map(JsonWriter json, Map<String, String> values) throws IOException {
        json.beginObject();
        for (Map.Entry<String, String> e : values.entrySet()) {
            json.name(e.getKey()).value(e.getValue());
        }
        json.endObject();
    }
}
