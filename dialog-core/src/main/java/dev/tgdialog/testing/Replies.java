package dev.tgdialog.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tgdialog.internal.json.Json;
import dev.tgdialog.telegram.Transport;
import java.nio.charset.StandardCharsets;

/**
 * The Bot API's reply envelope, {@code {"ok":true,"result":…}} or an error with its code, description and
 * {@code parameters.retry_after}, and the HTTP response that carries it, with the error code as its status.
 */
final class Replies {
    private Replies() {}

    static JsonObject ok(JsonElement result) {
        JsonObject reply = new JsonObject();
        reply.addProperty("ok", true);
        reply.add("result", result);
        return reply;
    }

    static JsonObject error(Refusal refusal) {
        JsonObject reply = new JsonObject();
        reply.addProperty("ok", false);
        reply.addProperty("error_code", refusal.code());
        reply.addProperty("description", refusal.description());
        Long retryAfter = refusal.retryAfter();
        if (retryAfter != null) {
            JsonObject parameters = new JsonObject();
            parameters.addProperty("retry_after", retryAfter);
            reply.add("parameters", parameters);
        }
        return reply;
    }

    static Transport.Response response(JsonObject reply) {
        int code =
                reply.get("ok").getAsBoolean() ? 200 : reply.get("error_code").getAsInt();
        return new Transport.Response(code, Json.gson().toJson(reply).getBytes(StandardCharsets.UTF_8));
    }
}
