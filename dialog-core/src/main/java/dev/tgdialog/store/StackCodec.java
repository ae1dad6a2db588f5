package dev.tgdialog.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
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
        // Streamed by Gson's writer rather than built as a tree: a Redis-backed bot encodes one stack per update.
        TextWriter text = new TextWriter(320);
        JsonWriter json = new JsonWriter(text);
        try {
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
                ShownMessage.Album album = shown.album();
                if (album != null) {
                    // Only a window that shows an album writes this: every other stack keeps its old document.
                    json.name("album").beginObject();
                    json.name("ids").beginArray();
                    for (long id : album.messageIds()) {
                        json.value(id);
                    }
                    json.endArray();
                    json.name("hash").value(album.mediaHash());
                    json.endObject();
                }
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
     * A {@link Writer} into a {@link StringBuilder}: a {@link java.io.StringWriter} appends to a synchronized
     * {@link StringBuffer}, a lock taken for each of the writer's hundred or so writes of a stack, and copies the
     * text once more when asked for it. Not thread-safe (one encoding owns it).
     */
    private static final class TextWriter extends Writer {
        private final StringBuilder text;

        TextWriter(int capacity) {
            this.text = new StringBuilder(capacity);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String s) {
            text.append(s);
        }

        @Override
        public void write(String s, int offset, int length) {
            text.append(s, offset, offset + length);
        }

        @Override
        public Writer append(@Nullable CharSequence s) {
            text.append(s);
            return this;
        }

        @Override
        public Writer append(@Nullable CharSequence s, int start, int end) {
            text.append(s, start, end);
            return this;
        }

        @Override
        public Writer append(char c) {
            text.append(c);
            return this;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** The stack as the UTF-8 bytes of its JSON text ({@link #encode}'s text, byte for byte): what a store keeps. */
    public static byte[] encodeUtf8(Stack stack) {
        return encode(stack).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The stack this JSON holds.
     *
     * @throws StackStoreException when the text is not a stack document of a format this codec reads; the message
     *     names the field that is missing or of the wrong type
     */
    public static Stack decode(String text) {
        Stack streamed = streamed(text);
        return streamed != null ? streamed : decodeTree(text);
    }

    /**
     * The stack these UTF-8 bytes of JSON hold: {@link #decode(String)} of their text.
     *
     * @throws StackStoreException as {@link #decode(String)} does
     */
    public static Stack decode(byte[] utf8) {
        return decode(new String(utf8, StandardCharsets.UTF_8));
    }

    /**
     * The stack read in one pass over the text with no tree in between (a Redis-backed bot decodes one stack per
     * update); null for anything but a strictly well-formed document of this format that names each field once,
     * with whole numbers written as plain digits. {@link #decodeTree} then reads it as it always has, and accepts it
     * or names its problem.
     */
    private static @Nullable Stack streamed(String text) {
        try (JsonReader in = new JsonReader(new StringReader(text))) {
            in.beginObject();
            int seen = 0;
            long format = -1;
            String id = null;
            long version = 0;
            long next = 0;
            ShownMessage last = null;
            List<Long> updates = null;
            List<Frame> frames = null;
            while (in.hasNext()) {
                String name = in.nextName();
                int bit = switch (name) {
                    case "v" -> 1;
                    case "id" -> 2;
                    case "version" -> 4;
                    case "next" -> 8;
                    case "last" -> 16;
                    case "updates" -> 32;
                    case "frames" -> 64;
                    default -> 0;
                };
                if ((seen & bit) != 0) {
                    return null;
                }
                seen |= bit;
                switch (name) {
                    case "v" -> format = wholeNumber(in);
                    case "id" -> id = string(in);
                    case "version" -> version = wholeNumber(in);
                    case "next" -> next = wholeNumber(in);
                    case "last" -> last = shownMessage(in);
                    case "updates" -> {
                        updates = new ArrayList<>();
                        in.beginArray();
                        while (in.hasNext()) {
                            updates.add(wholeNumber(in));
                        }
                        in.endArray();
                    }
                    case "frames" -> {
                        frames = new ArrayList<>();
                        in.beginArray();
                        while (in.hasNext()) {
                            Frame frame = frame(in);
                            if (frame == null) {
                                return null;
                            }
                            frames.add(frame);
                        }
                        in.endArray();
                    }
                    default -> in.skipValue();
                }
            }
            in.endObject();
            if (in.peek() != JsonToken.END_DOCUMENT
                    || (seen | 16) != 127
                    || format != FORMAT_VERSION
                    || id == null
                    || frames == null
                    || updates == null) {
                return null;
            }
            return new Stack(id, frames, version, last, updates, next);
        } catch (IOException | RuntimeException e) {
            // Malformed, lenient-only or of the wrong shape: the tree reading words the error.
            return null;
        }
    }

    /** A number written as plain digits that fits a long; anything else throws (and the tree reading decides). */
    private static long wholeNumber(JsonReader in) throws IOException {
        if (in.peek() != JsonToken.NUMBER) {
            throw new IllegalStateException("not a number");
        }
        String digits = in.nextString();
        int start = digits.startsWith("-") ? 1 : 0;
        if (digits.length() == start || digits.length() - start > 18) {
            throw new IllegalStateException("not plain digits");
        }
        for (int i = start; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalStateException("not plain digits");
            }
        }
        return Long.parseLong(digits);
    }

    /** {@code "last"}: null when JSON null; throws when not an object with each of its fields once. */
    private static @Nullable ShownMessage shownMessage(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        in.beginObject();
        int seen = 0;
        long messageId = 0;
        String kind = null;
        String hash = null;
        ShownMessage.Album album = null;
        while (in.hasNext()) {
            String name = in.nextName();
            int bit = switch (name) {
                case "id" -> 1;
                case "kind" -> 2;
                case "hash" -> 4;
                case "album" -> 8;
                default -> 0;
            };
            if ((seen & bit) != 0) {
                throw new IllegalStateException("repeated field");
            }
            seen |= bit;
            switch (name) {
                case "id" -> messageId = wholeNumber(in);
                case "kind" -> kind = string(in);
                case "hash" -> hash = string(in);
                case "album" -> album = album(in);
                default -> in.skipValue();
            }
        }
        in.endObject();
        if ((seen & 7) != 7 || kind == null || hash == null) {
            throw new IllegalStateException("missing field");
        }
        return new ShownMessage(messageId, kind, hash, album);
    }

    /** {@code "last"."album"}: throws when not an object of a non-empty {@code ids} array and a {@code hash}. */
    private static ShownMessage.Album album(JsonReader in) throws IOException {
        in.beginObject();
        List<Long> ids = null;
        String hash = null;
        while (in.hasNext()) {
            String name = in.nextName();
            if (name.equals("ids") && ids == null) {
                ids = new ArrayList<>();
                in.beginArray();
                while (in.hasNext()) {
                    ids.add(wholeNumber(in));
                }
                in.endArray();
            } else if (name.equals("hash") && hash == null) {
                hash = string(in);
            } else {
                throw new IllegalStateException("unknown or repeated field");
            }
        }
        in.endObject();
        if (ids == null || ids.isEmpty() || hash == null) {
            throw new IllegalStateException("missing field");
        }
        return new ShownMessage.Album(ids, hash);
    }

    /** One frame; null when it is not an object with its required fields once each. */
    private static @Nullable Frame frame(JsonReader in) throws IOException {
        in.beginObject();
        int seen = 0;
        String id = null;
        String dialog = null;
        String window = null;
        long revision = 0;
        String input = null;
        Map<String, String> data = Map.of();
        Map<String, String> state = Map.of();
        Map<String, String> spill = Map.of();
        while (in.hasNext()) {
            String name = in.nextName();
            int bit = switch (name) {
                case "id" -> 1;
                case "dialog" -> 2;
                case "window" -> 4;
                case "rev" -> 8;
                case "input" -> 16;
                case "data" -> 32;
                case "state" -> 64;
                case "spill" -> 128;
                default -> 0;
            };
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
            switch (name) {
                case "id" -> id = string(in);
                case "dialog" -> dialog = string(in);
                case "window" -> window = string(in);
                case "rev" -> revision = wholeNumber(in);
                case "input" -> {
                    if (in.peek() == JsonToken.NULL) {
                        in.nextNull();
                    } else {
                        input = string(in);
                    }
                }
                case "data" -> data = stringMap(in);
                case "state" -> state = stringMap(in);
                case "spill" -> spill = stringMap(in);
                default -> in.skipValue();
            }
        }
        in.endObject();
        if ((seen & 15) != 15 || id == null || dialog == null || window == null) {
            return null;
        }
        return new Frame(id, dialog, window, revision, input, data, state, spill);
    }

    private static String string(JsonReader in) throws IOException {
        if (in.peek() != JsonToken.STRING) {
            throw new IllegalStateException("not a string");
        }
        return in.nextString();
    }

    /** A frame's map: JSON null reads as empty; throws when it is no object of strings. */
    private static Map<String, String> stringMap(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return Map.of();
        }
        in.beginObject();
        if (!in.hasNext()) {
            in.endObject();
            return Map.of();
        }
        Map<String, String> values = new HashMap<>();
        while (in.hasNext()) {
            String key = in.nextName();
            values.put(key, string(in));
        }
        in.endObject();
        return values;
    }

    /** {@link #decode} by way of a Gson tree: slower, and the reference for what is accepted and every error. */
    static Stack decodeTree(String text) {
        JsonObject json = document(text);
        int format = format(json);
        if (format != FORMAT_VERSION) {
            throw new StackStoreException(
                    "stack document format " + format + " is not " + FORMAT_VERSION + "; migrate it before decoding");
        }
        ShownMessage last = null;
        JsonElement lastJson = json.get("last");
        if (lastJson != null && !lastJson.isJsonNull()) {
            JsonObject l = object(json, "last", "the document");
            ShownMessage.Album album = null;
            JsonElement albumJson = l.get("album");
            if (albumJson != null && !albumJson.isJsonNull()) {
                JsonObject a = object(l, "album", "\"last\"");
                JsonArray idsJson = array(a, "ids", "\"last\".\"album\"");
                if (idsJson.isEmpty()) {
                    throw malformed("\"last\".\"album\": \"ids\" is empty");
                }
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < idsJson.size(); i++) {
                    ids.add(number(idsJson.get(i), "\"last\".\"album\".ids[" + i + "]"));
                }
                album = new ShownMessage.Album(ids, string(a, "hash", "\"last\".\"album\""));
            }
            last = new ShownMessage(
                    number(l, "id", "\"last\""), string(l, "kind", "\"last\""), string(l, "hash", "\"last\""), album);
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
        return new Stack(
                string(json, "id", "the document"),
                frames,
                number(json, "version", "the document"),
                last,
                updates,
                number(json, "next", "the document"));
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
            if (!e.getValue().isJsonPrimitive()
                    || !e.getValue().getAsJsonPrimitive().isString()) {
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
