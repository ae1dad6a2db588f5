package dev.tgdialog.internal.engine;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import dev.tgdialog.internal.json.Json;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Turns dialog data, start inputs and widget state into JSON text and back, by their Java types. Thread-safe. */
public final class DataCodec {
    private static final Gson GSON = Json.gson()
            .newBuilder()
            .registerTypeAdapter(LocalDate.class, text(LocalDate::parse))
            .registerTypeAdapter(LocalTime.class, text(LocalTime::parse))
            .registerTypeAdapter(LocalDateTime.class, text(LocalDateTime::parse))
            .registerTypeAdapter(Instant.class, text(Instant::parse))
            .registerTypeAdapter(Duration.class, text(Duration::parse))
            .create();

    private DataCodec() {}

    public static String encode(Object value, Type type) {
        return GSON.toJson(value, type);
    }

    public static String encode(Object value) {
        return GSON.toJson(value);
    }

    @SuppressWarnings("unchecked")
    public static <T> T decode(String json, Type type) {
        Object number = type == Integer.class ? smallInt(json) : null;
        if (number != null) {
            return (T) number;
        }
        return GSON.fromJson(json, type);
    }

    /**
     * The value of a short canonical JSON integer ({@code 0}, {@code 7}, {@code -12}), read without a JSON reader;
     * null for anything else, which Gson reads. A widget's page or counter is read this way on every update, and a
     * JSON reader's 1,024-char buffer was most of what the engine allocated for it.
     */
    private static @Nullable Integer smallInt(String json) {
        int length = json.length();
        int start = length > 0 && json.charAt(0) == '-' ? 1 : 0;
        if (length == start || length - start > 9 || (json.charAt(start) == '0' && length - start > 1)) {
            return null;
        }
        int value = 0;
        for (int i = start; i < length; i++) {
            char c = json.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return start == 1 ? -value : value;
    }

    private static final java.util.regex.Pattern SMALL =
            java.util.regex.Pattern.compile("-?[0-9]{1,4}|true|false|null");

    /**
     * The same text, but one shared instance for the small values that most stacks hold (short numbers, booleans),
     * so a million stacks do not keep a million copies of {@code "1"}.
     */
    public static String shared(String json) {
        return json.length() <= 5 && SMALL.matcher(json).matches() ? json.intern() : json;
    }

    /** A JSON value as plain Java: a string, a long or double, a boolean, a list or a map; null for null. */
    public static @Nullable Object decodeLoose(String json) {
        return plain(JsonParser.parseString(json));
    }

    private static @Nullable Object plain(JsonElement e) {
        if (e.isJsonNull()) {
            return null;
        }
        if (e.isJsonPrimitive()) {
            var p = e.getAsJsonPrimitive();
            if (p.isBoolean()) {
                return p.getAsBoolean();
            }
            if (p.isNumber()) {
                String n = p.getAsString();
                return n.contains(".") || n.contains("e") || n.contains("E") ? (Object) p.getAsDouble() : p.getAsLong();
            }
            return p.getAsString();
        }
        if (e.isJsonArray()) {
            List<Object> list = new ArrayList<>();
            e.getAsJsonArray().forEach(x -> list.add(plain(x)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        e.getAsJsonObject().entrySet().forEach(x -> map.put(x.getKey(), plain(x.getValue())));
        return map;
    }

    private static <T> TypeAdapter<T> text(Function<String, T> parse) {
        return new TypeAdapter<T>() {
            @Override
            public void write(JsonWriter out, T value) throws IOException {
                if (value == null) {
                    out.nullValue();
                } else {
                    out.value(value.toString());
                }
            }

            @Override
            public T read(JsonReader in) throws IOException {
                return parse.apply(in.nextString());
            }
        }.nullSafe();
    }
}
