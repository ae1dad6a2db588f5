package dev.tgdialog.internal.json;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSyntaxException;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.tgdialog.telegram.types.UnknownUpdateKind;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * What the generated record adapters ({@code internal.json.generated}) share: reading and writing the leaf types
 * with exactly the semantics of Gson's own adapters for them, so a generated adapter reads and writes the same JSON
 * Gson's record adapter did, without reflection or a call through a shared adapter per field. Not API.
 */
public final class RecordFields {
    private RecordFields() {}

    /** Gson's adapter for {@code type}, typed as the generated field that holds it. */
    @SuppressWarnings("unchecked")
    public static <T> TypeAdapter<T> adapter(Gson gson, TypeToken<?> type) {
        return (TypeAdapter<T>) gson.getAdapter(type);
    }

    /** A string as Gson reads one: null, a boolean's text, or any scalar's text. */
    public static @Nullable String readString(JsonReader in) throws IOException {
        JsonToken token = in.peek();
        if (token == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        if (token == JsonToken.BOOLEAN) {
            return Boolean.toString(in.nextBoolean());
        }
        return in.nextString();
    }

    /** An optional integer as Gson reads a {@code Long}. */
    public static @Nullable Long readLong(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        return nextLong(in);
    }

    /** A required integer: a JSON null is refused, naming the field, as the record semantics demand. */
    public static long readLong(JsonReader in, String record, String field) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            throw refusedNull(in, record, field);
        }
        return nextLong(in);
    }

    private static long nextLong(JsonReader in) throws IOException {
        try {
            return in.nextLong();
        } catch (NumberFormatException e) {
            throw new JsonSyntaxException(e);
        }
    }

    /** An optional boolean as Gson reads a {@code Boolean} (a string is parsed). */
    public static @Nullable Boolean readBoolean(JsonReader in) throws IOException {
        JsonToken token = in.peek();
        if (token == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        return token == JsonToken.STRING ? Boolean.parseBoolean(in.nextString()) : in.nextBoolean();
    }

    /** A required boolean: a JSON null is refused. */
    public static boolean readBoolean(JsonReader in, String record, String field) throws IOException {
        Boolean value = readBoolean(in);
        if (value == null) {
            throw refusedNull(in, record, field);
        }
        return value;
    }

    /** An optional number as Gson reads a {@code Double}. */
    public static @Nullable Double readDouble(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        return in.nextDouble();
    }

    /** A required number: a JSON null is refused. */
    public static double readDouble(JsonReader in, String record, String field) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            throw refusedNull(in, record, field);
        }
        return in.nextDouble();
    }

    /** A value read by its own adapter; a JSON null for a field Java holds as a primitive is refused. */
    private static JsonParseException refusedNull(JsonReader in, String record, String field) {
        return new JsonParseException("null is not allowed for " + record + "." + field + " at " + in.getPath());
    }

    /** Writes an optional string field: nothing when null, unless the writer serialises nulls. */
    public static void write(JsonWriter out, String name, @Nullable String value) throws IOException {
        if (value != null) {
            out.name(name).value(value);
        } else if (out.getSerializeNulls()) {
            out.name(name).nullValue();
        }
    }

    /** Writes an optional integer field. */
    public static void write(JsonWriter out, String name, @Nullable Long value) throws IOException {
        if (value != null) {
            out.name(name).value(value.longValue());
        } else if (out.getSerializeNulls()) {
            out.name(name).nullValue();
        }
    }

    /** Writes an optional boolean field. */
    public static void write(JsonWriter out, String name, @Nullable Boolean value) throws IOException {
        if (value != null) {
            out.name(name).value(value);
        } else if (out.getSerializeNulls()) {
            out.name(name).nullValue();
        }
    }

    /** Writes an optional number field; NaN and the infinities are refused, as Gson's {@code Double} adapter does. */
    public static void write(JsonWriter out, String name, @Nullable Double value) throws IOException {
        if (value != null) {
            double d = value;
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(d + " is not a valid double value as per JSON specification."
                        + " To override this behavior, use GsonBuilder.serializeSpecialFloatingPointValues() method.");
            }
            out.name(name).value(d);
        } else if (out.getSerializeNulls()) {
            out.name(name).nullValue();
        }
    }

    /** Writes an optional field of any other type through its adapter. */
    public static <T> void write(JsonWriter out, String name, @Nullable T value, TypeAdapter<T> adapter)
            throws IOException {
        if (value != null) {
            adapter.write(out.name(name), value);
        } else if (out.getSerializeNulls()) {
            out.name(name).nullValue();
        }
    }

    /**
     * Reads the next value, whatever it is, as JSON text (what an unknown value keeps), in compact form: the same
     * JSON value with its members in their order and each number's digits as sent, but no whitespace, strings
     * re-escaped as the model writes them ({@code "\/"} becomes {@code "/"}, {@code "\u00e9"} becomes {@code "é"}),
     * and of a name given twice in one object only the last value. Read as a tree by Gson's own adapter, which
     * leaves the reader's strictness as it is.
     */
    public static String readJson(JsonReader in) throws IOException {
        return Json.gson().getAdapter(JsonElement.class).read(in).toString();
    }

    /**
     * Writes JSON text kept by an unknown value unchanged. It is parsed first, so a value built by hand with broken
     * JSON fails here instead of corrupting the request; Gson's tree writer (behind {@code toJsonTree}), which has
     * no raw form, gets the parsed tree.
     */
    public static void writeJson(JsonWriter out, String json) throws IOException {
        JsonElement tree = Json.gson().fromJson(json, JsonElement.class);
        if (tree == null) {
            throw new JsonParseException("no JSON value in an unknown value's json");
        }
        try {
            out.jsonValue(json);
        } catch (UnsupportedOperationException treeWriter) {
            Json.gson().getAdapter(JsonElement.class).write(out, tree);
        }
    }

    /** Writes an update's unknown kind, if it has one, back as the field it was read from. */
    public static void writeKind(JsonWriter out, @Nullable UnknownUpdateKind kind) throws IOException {
        if (kind != null) {
            writeJson(out.name(kind.name()), kind.json());
        }
    }
}
