package dev.tgdialog.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.tgdialog.store.Frame;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.KeyboardButton;
import dev.tgdialog.telegram.types.ReplyKeyboardMarkup;
import dev.tgdialog.telegram.types.ReplyKeyboardRemove;
import dev.tgdialog.testing.ApiCall;
import dev.tgdialog.testing.ChatEvent;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeTelegram;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the page shows for one user in one chat, as the JSON of {@code GET /api/state}: the chat's messages (the
 * bot's, with their keyboards, and the users'), the reply keyboard, the Bot API calls and the user's dialog stack.
 */
final class State {
    /** The newest calls the page lists; older ones stay in the fake but are left out of each state. */
    static final int CALLS_SHOWN = 200;

    private final FakeTelegram telegram;
    private final Transcript transcript;
    private final StackStore store;

    State(FakeTelegram telegram, Transcript transcript, StackStore store) {
        this.telegram = telegram;
        this.transcript = transcript;
        this.store = store;
    }

    JsonObject of(Chats chats, Chats.Person me, Chats.Chat chat) {
        JsonObject state = new JsonObject();
        state.addProperty("bot", telegram.bot().username());
        state.add("me", person(me));
        state.add("chat", chat(chat));
        JsonArray users = new JsonArray();
        chats.users().forEach(u -> users.add(person(u)));
        state.add("users", users);
        JsonArray mine = new JsonArray();
        chats.chatsOf(me).forEach(c -> mine.add(chat(c)));
        state.add("chats", mine);
        List<FakeMessage> messages = telegram.messages(chat.id());
        state.add("messages", messages(messages, transcript.in(chat.id())));
        state.add("replyKeyboard", replyKeyboard(telegram.history(chat.id())));
        state.add("calls", calls(telegram.calls()));
        state.add("stack", stack(me.id(), chat.id()));
        return state;
    }

    private static JsonObject person(Chats.Person p) {
        JsonObject o = new JsonObject();
        o.addProperty("id", p.id());
        o.addProperty("name", p.name());
        return o;
    }

    private static JsonObject chat(Chats.Chat c) {
        JsonObject o = new JsonObject();
        o.addProperty("id", c.id());
        o.addProperty("title", c.title());
        o.addProperty("type", c.type());
        return o;
    }

    /** The bot's messages and the users' lines, each line above the first bot message sent after it. */
    private JsonArray messages(List<FakeMessage> bot, List<Transcript.Said> said) {
        JsonArray all = new JsonArray();
        int s = 0;
        for (FakeMessage m : bot) {
            while (s < said.size() && said.get(s).before() <= m.messageId()) {
                all.add(line(said.get(s++)));
            }
            all.add(message(m));
        }
        while (s < said.size()) {
            all.add(line(said.get(s++)));
        }
        return all;
    }

    private JsonObject line(Transcript.Said said) {
        JsonObject o = new JsonObject();
        o.addProperty("from", "user");
        o.addProperty("userId", said.userId());
        o.addProperty("name", said.name());
        o.addProperty("text", said.text());
        if (said.viaBot()) {
            o.addProperty("via", telegram.bot().username());
        }
        if (said.inlineMessageId() != null) {
            o.addProperty("inlineMessageId", said.inlineMessageId());
            // The message as it shows now: the bot edits it through its inline message id.
            telegram.inlineMessage(said.inlineMessageId()).ifPresent(m -> {
                o.addProperty("text", m.text());
                o.addProperty("edited", m.edited());
                o.add("buttons", buttons(m));
            });
        }
        return o;
    }

    private JsonObject message(FakeMessage m) {
        JsonObject o = new JsonObject();
        o.addProperty("from", "bot");
        o.addProperty("id", m.messageId());
        o.addProperty("kind", m.kind());
        o.addProperty("text", m.text());
        o.addProperty("parseMode", m.parseMode());
        o.addProperty("fileId", m.fileId());
        o.addProperty("edited", m.edited());
        telegram.invoice(m).ifPresent(invoice -> {
            JsonObject i = new JsonObject();
            i.addProperty("title", invoice.title());
            i.addProperty("description", invoice.description());
            i.addProperty("currency", invoice.currency());
            i.addProperty("totalAmount", invoice.totalAmount());
            o.add("invoice", i);
        });
        o.add("buttons", buttons(m));
        return o;
    }

    private static JsonArray buttons(FakeMessage m) {
        JsonArray rows = new JsonArray();
        for (List<InlineKeyboardButton> row : m.inlineKeyboard()) {
            JsonArray r = new JsonArray();
            row.forEach(b -> r.add(button(b)));
            rows.add(r);
        }
        return rows;
    }

    /** A button as the page draws it: its label, what kind of button it is, and the link it opens, if any. */
    private static JsonObject button(InlineKeyboardButton b) {
        JsonObject o = new JsonObject();
        o.addProperty("text", b.text());
        String type;
        @Nullable String link = null;
        if (b.callbackData() != null) {
            type = "callback";
            o.addProperty("data", b.callbackData());
        } else if (Boolean.TRUE.equals(b.pay())) {
            type = "pay";
        } else if (b.callbackGame() != null) {
            type = "game";
        } else if (b.url() != null) {
            type = "url";
            link = b.url();
        } else if (b.webApp() != null) {
            type = "webApp";
            link = b.webApp().url();
        } else if (b.loginUrl() != null) {
            type = "login";
            link = b.loginUrl().url();
        } else if (b.copyText() != null) {
            type = "copy";
            o.addProperty("copy", b.copyText().text());
        } else if (b.switchInlineQuery() != null
                || b.switchInlineQueryCurrentChat() != null
                || b.switchInlineQueryChosenChat() != null) {
            type = "inline";
            String query = b.switchInlineQuery() != null ? b.switchInlineQuery() : b.switchInlineQueryCurrentChat();
            o.addProperty("query", query != null ? query : "");
        } else {
            type = "other";
        }
        o.addProperty("type", type);
        if (link != null) {
            o.addProperty("url", link);
        }
        return o;
    }

    /**
     * The reply keyboard the newest message that set or removed one left in place; null when there is none. Read from
     * the chat's history, since a removal may come with a message the bot deleted at once (the app applied it all the
     * same).
     */
    static @Nullable ReplyKeyboardMarkup replyKeyboardShown(List<ChatEvent> history) {
        @Nullable ReplyKeyboardMarkup shown = null;
        for (ChatEvent event : history) {
            if (event instanceof ChatEvent.Sent sent) {
                if (sent.message().replyMarkup() instanceof ReplyKeyboardMarkup reply) {
                    shown = reply;
                } else if (sent.message().replyMarkup() instanceof ReplyKeyboardRemove) {
                    shown = null;
                }
            }
        }
        return shown;
    }

    private static @Nullable JsonArray replyKeyboard(List<ChatEvent> history) {
        ReplyKeyboardMarkup shown = replyKeyboardShown(history);
        if (shown == null) {
            return null;
        }
        JsonArray rows = new JsonArray();
        for (List<KeyboardButton> row : shown.keyboard()) {
            JsonArray r = new JsonArray();
            for (KeyboardButton b : row) {
                JsonObject o = new JsonObject();
                o.addProperty("text", b.text());
                o.addProperty("request", request(b));
                r.add(o);
            }
            rows.add(r);
        }
        return rows;
    }

    private static @Nullable String request(KeyboardButton b) {
        if (Boolean.TRUE.equals(b.requestContact())) {
            return "contact";
        }
        if (Boolean.TRUE.equals(b.requestLocation())) {
            return "location";
        }
        if (b.webApp() != null) {
            return "webApp";
        }
        if (b.requestUsers() != null || b.requestChat() != null || b.requestPoll() != null) {
            return "other";
        }
        return null;
    }

    private static JsonArray calls(List<ApiCall> calls) {
        JsonArray all = new JsonArray();
        int from = Math.max(0, calls.size() - CALLS_SHOWN);
        for (int i = from; i < calls.size(); i++) {
            ApiCall call = calls.get(i);
            JsonObject o = new JsonObject();
            o.addProperty("n", i + 1);
            o.addProperty("method", call.method());
            o.add("params", json(call.params()));
            all.add(o);
        }
        return all;
    }

    /** The window the user is at in the chat, as the map names it; empty when no dialog is open. */
    Optional<dev.tgdialog.preview.TransitionMap.Node> top(long userId, long chatId) {
        return load(userId, chatId)
                .flatMap(Stack::top)
                .map(f -> new dev.tgdialog.preview.TransitionMap.Node.Window(f.dialogId(), f.windowId()));
    }

    /** The user's own stack in the chat, or the chat's shared one (a bot with shared group stacks). */
    private Optional<Stack> load(long userId, long chatId) {
        Optional<Stack> stack = store.load(StackKey.of(FakeTelegram.BOT_ID, chatId, userId));
        if (stack.isEmpty() && chatId < 0) {
            stack = store.load(StackKey.of(FakeTelegram.BOT_ID, chatId, 0));
        }
        return stack;
    }

    private JsonArray stack(long userId, long chatId) {
        Optional<Stack> stack = load(userId, chatId);
        JsonArray frames = new JsonArray();
        for (Frame frame : stack.map(Stack::frames).orElse(List.of())) {
            JsonObject o = new JsonObject();
            o.addProperty("frame", frame.id());
            o.addProperty("dialog", frame.dialogId());
            o.addProperty("window", frame.windowId());
            JsonObject data = new JsonObject();
            for (Map.Entry<String, String> e : frame.data().entrySet()) {
                data.add(e.getKey(), json(e.getValue()));
            }
            o.add("data", data);
            frames.add(o);
        }
        return frames;
    }

    /**
     * The results the bot answered an inline query with, as the page lists them (id, type, title, description, the
     * text a choice sends), read from its {@code answerInlineQuery} call: the JSON Telegram would have got.
     */
    JsonArray inlineResults(String queryId) {
        List<ApiCall> calls = telegram.calls();
        for (int i = calls.size() - 1; i >= 0; i--) {
            ApiCall call = calls.get(i);
            if (!call.method().equals("answerInlineQuery")) {
                continue;
            }
            JsonElement params = json(call.params());
            if (!params.isJsonObject() || !queryId.equals(string(params.getAsJsonObject(), "inline_query_id"))) {
                continue;
            }
            JsonElement results = params.getAsJsonObject().get("results");
            // A form-encoded call carries the array as a string.
            if (results != null && results.isJsonPrimitive()) {
                results = json(results.getAsString());
            }
            JsonArray listed = new JsonArray();
            if (results != null && results.isJsonArray()) {
                for (JsonElement r : results.getAsJsonArray()) {
                    if (r.isJsonObject()) {
                        listed.add(result(r.getAsJsonObject()));
                    }
                }
            }
            return listed;
        }
        return new JsonArray();
    }

    private static JsonObject result(JsonObject r) {
        JsonObject o = new JsonObject();
        o.addProperty("id", string(r, "id"));
        o.addProperty("type", string(r, "type"));
        String title = string(r, "title");
        o.addProperty("title", title != null ? title : string(r, "id"));
        o.addProperty("description", string(r, "description"));
        JsonElement content = r.get("input_message_content");
        String text =
                content != null && content.isJsonObject() ? string(content.getAsJsonObject(), "message_text") : null;
        o.addProperty("text", text != null ? text : title);
        return o;
    }

    private static @Nullable String string(JsonObject o, String name) {
        JsonElement value = o.get(name);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }

    /** JSON text as a tree; text that is not JSON as a string, so a strange value never breaks the page. */
    private static JsonElement json(String text) {
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException e) {
            return new JsonPrimitive(text);
        }
    }
}
