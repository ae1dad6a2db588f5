package dev.tgdialog.demo;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * A stand-in for Telegram inside the process, for the demo's offline mode: it answers the Bot API calls the demo
 * makes at the OkHttp boundary (so the real client encodes and parses real JSON) and prints what a user would see.
 */
final class OfflineTelegram implements Interceptor {
    private final PrintStream out;
    private final long chatId;
    private int nextMessageId = 1;
    private List<String> lastButtons = List.of();
    private List<String> lastCallbackData = List.of();
    private int lastMessageId;

    OfflineTelegram(PrintStream out, long chatId) {
        this.out = out;
        this.chatId = chatId;
    }

    /** The callback data behind button {@code n} (1-based) of the last keyboard shown, or null. */
    synchronized String callbackData(int n) {
        return n >= 1 && n <= lastCallbackData.size() ? lastCallbackData.get(n - 1) : null;
    }

    synchronized int lastMessageId() {
        return lastMessageId;
    }

    @Override
    public synchronized Response intercept(Chain chain) throws IOException {
        String path = chain.request().url().encodedPath();
        String method = path.substring(path.lastIndexOf('/') + 1);
        Buffer body = new Buffer();
        if (chain.request().body() != null) {
            chain.request().body().writeTo(body);
        }
        JsonObject call = body.size() == 0 ? new JsonObject() : JsonParser.parseString(body.readUtf8()).getAsJsonObject();
        String result = switch (method) {
            case "sendMessage" -> show(nextMessageId++, call, "bot");
            case "editMessageText" -> show(call.get("message_id").getAsInt(), call, "bot (edited)");
            case "answerCallbackQuery" -> {
                if (call.has("text")) {
                    out.println("  (toast) " + call.get("text").getAsString());
                }
                yield "true";
            }
            default -> "true";
        };
        return new Response.Builder()
                .request(chain.request())
                .protocol(Protocol.HTTP_1_1)
                .code(200)
                .message("OK")
                .body(ResponseBody.create("{\"ok\":true,\"result\":" + result + "}", MediaType.get("application/json")))
                .build();
    }

    private String show(int messageId, JsonObject call, String who) {
        String text = call.get("text").getAsString();
        out.println(who + "> " + text);
        List<String> labels = new ArrayList<>();
        List<String> data = new ArrayList<>();
        JsonElement markup = call.get("reply_markup");
        if (markup != null && markup.getAsJsonObject().has("inline_keyboard")) {
            for (JsonElement row : markup.getAsJsonObject().getAsJsonArray("inline_keyboard")) {
                StringBuilder line = new StringBuilder("    ");
                for (JsonElement button : (JsonArray) row) {
                    labels.add(button.getAsJsonObject().get("text").getAsString());
                    JsonElement cb = button.getAsJsonObject().get("callback_data");
                    data.add(cb == null ? null : cb.getAsString());
                    line.append("[#").append(labels.size()).append(' ').append(labels.get(labels.size() - 1)).append("] ");
                }
                out.println(line.toString().stripTrailing());
            }
            lastButtons = labels;
            lastCallbackData = data;
        }
        lastMessageId = messageId;
        JsonObject message = new JsonObject();
        message.addProperty("message_id", messageId);
        message.addProperty("date", 1767225600);
        JsonObject chat = new JsonObject();
        chat.addProperty("id", chatId);
        chat.addProperty("type", "private");
        message.add("chat", chat);
        message.addProperty("text", text);
        if (markup != null) {
            message.add("reply_markup", markup);
        }
        return message.toString();
    }
}
