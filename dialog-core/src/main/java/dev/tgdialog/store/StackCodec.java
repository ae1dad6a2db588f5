package dev.tgdialog.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
        JsonObject json = new JsonObject();
        json.addProperty("v", FORMAT_VERSION);
        json.addProperty("id", stack.id());
        json.addProperty("version", stack.version());
        json.addProperty("next", stack.nextFrameId());
        if (stack.lastMessage() != null) {
            ShownMessage shown = stack.lastMessage();
            JsonObject last = new JsonObject();
            last.addProperty("id", shown.messageId());
            last.addProperty("kind", shown.kind());
            last.addProperty("hash", shown.renderHash());
            json.add("last", last);
        }
        JsonArray updates = new JsonArray();
        stack.recentUpdateIds().forEach(updates::add);
        json.add("updates", updates);
        JsonArray frames = new JsonArray();
        for (Frame frame : stack.frames()) {
            JsonObject f = new JsonObject();
            f.addProperty("id", frame.id());
            f.addProperty("dialog", frame.dialogId());
            f.addProperty("window", frame.windowId());
            f.addProperty("rev", frame.revision());
            if (frame.startInput() != null) {
                f.addProperty("input", frame.startInput());
            }
            f.add("data", map(frame.data()));
            f.add("state", map(frame.widgetState()));
            f.add("spill", map(frame.spill()));
            frames.add(f);
        }
        json.add("frames", frames);
        return json.toString();
    }

    /**
     * The stack this JSON holds.
     *
     * @throws StackStoreException when the text is not a stack document of a format this codec reads
     */
    public static Stack decode(String text) {
        try {
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            int format = json.get("v").getAsInt();
            if (format != FORMAT_VERSION) {
                throw new StackStoreException("stack document format " + format + " is not " + FORMAT_VERSION
                        + "; migrate it before decoding");
            }
            ShownMessage last = null;
            if (json.has("last")) {
                JsonObject l = json.getAsJsonObject("last");
                last = new ShownMessage(l.get("id").getAsLong(), l.get("kind").getAsString(),
                        l.get("hash").getAsString());
            }
            List<Long> updates = new ArrayList<>();
            for (JsonElement id : json.getAsJsonArray("updates")) {
                updates.add(id.getAsLong());
            }
            List<Frame> frames = new ArrayList<>();
            for (JsonElement element : json.getAsJsonArray("frames")) {
                JsonObject f = element.getAsJsonObject();
                frames.add(new Frame(
                        f.get("id").getAsString(),
                        f.get("dialog").getAsString(),
                        f.get("window").getAsString(),
                        f.get("rev").getAsLong(),
                        f.has("input") ? f.get("input").getAsString() : null,
                        map(f.getAsJsonObject("data")),
                        map(f.getAsJsonObject("state")),
                        map(f.getAsJsonObject("spill"))));
            }
            return new Stack(json.get("id").getAsString(), frames, json.get("version").getAsLong(), last, updates,
                    json.get("next").getAsLong());
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException
                | NumberFormatException e) {
            throw new StackStoreException("not a stack document: " + e.getMessage(), e);
        }
    }

    /** The format version of a stored document, for a migration hook to look at before decoding. */
    public static int formatOf(String text) {
        try {
            return JsonParser.parseString(text).getAsJsonObject().get("v").getAsInt();
        } catch (RuntimeException e) {
            throw new StackStoreException("not a stack document: " + e.getMessage(), e);
        }
    }

    private static JsonObject map(Map<String, String> values) {
        JsonObject json = new JsonObject();
        values.forEach(json::addProperty);
        return json;
    }

    private static Map<String, String> map(@Nullable JsonObject json) {
        Map<String, String> values = new LinkedHashMap<>();
        if (json != null) {
            json.entrySet().forEach(e -> values.put(e.getKey(), e.getValue().getAsString()));
        }
        return values;
    }
}
