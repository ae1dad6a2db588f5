package dev.tgdialog.testing;

import static dev.tgdialog.testing.Refusal.badRequest;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.tgdialog.internal.json.Json;
import java.lang.reflect.Type;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request's parameters, as {@link RequestDecoder} read them: the JSON body's fields, or the query string's, form's
 * or multipart body's (as strings), plus the file parts' file names by part name. Its accessors read a field the way
 * Telegram does whatever the encoding, and refuse a malformed one in Telegram's words.
 */
record Params(JsonObject fields, Map<String, String> files) {
    private static final Gson GSON = Json.gson();

    /** The parameters as recorded: the fields, with each file part as its file name. */
    String recorded() {
        JsonObject copy = fields.deepCopy();
        files.forEach(copy::addProperty);
        return GSON.toJson(copy);
    }

    boolean has(String name) {
        return element(name) != null || files.containsKey(name);
    }

    @Nullable
    JsonElement element(String name) {
        JsonElement e = fields.get(name);
        return e == null || e.isJsonNull() ? null : e;
    }

    /** The field as JSON: objects and arrays as sent, or parsed from the string a form body carries. */
    @Nullable
    JsonElement json(String name) {
        JsonElement e = element(name);
        if (e instanceof JsonPrimitive primitive && primitive.isString()) {
            try {
                return JsonParser.parseString(primitive.getAsString());
            } catch (JsonParseException notJson) {
                throw badRequest("can't parse " + name + " JSON object");
            }
        }
        return e;
    }

    /** The field as a JSON object, or null if absent. */
    @Nullable
    JsonObject object(String name) {
        JsonElement e = json(name);
        if (e == null) {
            return null;
        }
        if (!e.isJsonObject()) {
            throw badRequest("can't parse " + name + " JSON object");
        }
        return e.getAsJsonObject();
    }

    /** The field's JSON text (for comparing, say, entities), or null if absent. */
    @Nullable
    String raw(String name) {
        JsonElement e = json(name);
        return e == null ? null : GSON.toJson(e);
    }

    @Nullable
    String string(String name) {
        return stringOf(element(name));
    }

    boolean bool(String name) {
        JsonElement e = element(name);
        return e instanceof JsonPrimitive p
                && (p.isBoolean() ? p.getAsBoolean() : p.getAsString().equals("true"));
    }

    long longValue(String name) {
        JsonElement e = element(name);
        if (e == null) {
            throw badRequest("parameter \"" + name + "\" is required");
        }
        return asLong(e, name);
    }

    /** The {@code chat_id}: a number, since the fake knows no chat by its {@code @username}. */
    long chatId() {
        JsonElement value = element("chat_id");
        if (value == null) {
            throw badRequest("chat_id is empty");
        }
        if (value instanceof JsonPrimitive primitive) {
            try {
                return Long.parseLong(primitive.getAsString().trim());
            } catch (NumberFormatException e) {
                throw badRequest("chat not found");
            }
        }
        throw badRequest("chat not found");
    }

    /**
     * The JSON read as a {@code type}, refused with this description when Gson cannot read it as one (or reads it
     * as null).
     */
    static <T> T read(JsonElement json, Type type, String refusal) {
        @Nullable T value;
        try {
            value = GSON.fromJson(json, type);
        } catch (JsonParseException | IllegalStateException e) {
            value = null;
        }
        if (value == null) {
            throw badRequest(refusal);
        }
        return value;
    }

    /** A primitive as its string, an object or array as its JSON text, JSON null as null. */
    static @Nullable String stringOf(@Nullable JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.isJsonPrimitive() ? e.getAsString() : GSON.toJson(e);
    }

    static long asLong(JsonElement e, String field) {
        try {
            return Long.parseLong(e.getAsString().trim());
        } catch (RuntimeException notANumber) {
            throw badRequest("wrong parameter " + field + " in request");
        }
    }
}
