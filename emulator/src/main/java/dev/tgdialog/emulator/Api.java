package dev.tgdialog.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.tgdialog.preview.TransitionMap;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.KeyboardButton;
import dev.tgdialog.telegram.types.ReplyKeyboardMarkup;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.CallbackAnswer;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.InlineResults;
import dev.tgdialog.testing.PaymentResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page and its JSON API, on one handler:
 *
 * <ul>
 *   <li>{@code GET /}: the page; {@code GET /emulator.css}, {@code /emulator.js}: its style and script;
 *   <li>{@code GET /api/state?user=&chat=}: what the user sees in the chat ({@link State}; without them, the first
 *       user in their private chat);
 *   <li>{@code GET /api/events}: a {@code change} event whenever something changed (server-sent events);
 *   <li>{@code POST /api/send {user, chat, text}}: the user sends a message;
 *   <li>{@code POST /api/click {user, chat, messageId, row, column}} (or {@code data}, or {@code label} instead of the
 *       row and column): the user presses an inline button, which answers with the toast or alert, the link opened,
 *       or how a payment went;
 *   <li>{@code POST /api/reply {user, chat, label}}: the user presses a reply-keyboard button;
 *   <li>{@code POST /api/inline {user, chat, query}}: the user types {@code @bot query}, and gets the bot's results;
 *   <li>{@code POST /api/choose {user, chat, resultId}}: the user sends one of them to the chat (a click on its
 *       buttons is {@code /api/click} with {@code inlineMessageId} instead of {@code messageId}).
 *   <li>{@code GET} a page the emulator's user added ({@link Emulator.Builder#get}), such as {@code /metrics}.
 * </ul>
 *
 * A request the page could not have made is answered 400 or 404 with {@code {"error": ...}}; a {@code POST} must be
 * JSON, and on loopback the {@code Host} must name loopback, so another site open in the browser cannot drive the
 * bot. Thread-safe.
 */
final class Api implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(Api.class);

    /** A made-up contact and location, shared when a reply button asks for them, as the console shares them. */
    static final String SHARED_PHONE = "+10000000001";

    static final double SHARED_LATITUDE = 52.52;
    static final double SHARED_LONGITUDE = 13.405;

    private static final String BOT = FakeTelegram.BOT_USERNAME;

    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/emulator.css", "emulator.css",
            "/emulator.js", "emulator.js");

    private final BotHarness harness;
    private final Chats chats;
    private final EventStream events;
    private final State state;
    /** One per user, so the answers to their clicks are found (their group views share it). */
    private final Map<Long, FakeUser> users = new ConcurrentHashMap<>();
    /** Each user's latest inline results, which the page chooses from. */
    private final Map<Long, InlineResults> inlineResults = new ConcurrentHashMap<>();

    private final Transcript transcript;
    /** Bound to a loopback address: requests must name it in their Host header. */
    private final boolean loopbackOnly;
    /** Pages of the emulator's user, by path ({@link Emulator.Builder#get}). */
    private final Map<String, Page> pages;

    /** A page answered with its body as it is at the time of the request. */
    record Page(String contentType, java.util.function.Supplier<String> body) {}

    /** Whether {@code path} is the emulator's own, which no page of the user may take. */
    static boolean isOwn(String path) {
        return FILES.containsKey(path) || path.startsWith("/api/");
    }

    Api(
            BotHarness harness,
            Chats chats,
            Transcript transcript,
            EventStream events,
            StackStore store,
            boolean loopbackOnly,
            Map<String, Page> pages) {
        this.harness = harness;
        this.pages = Map.copyOf(pages);
        this.loopbackOnly = loopbackOnly;
        this.chats = chats;
        this.events = events;
        this.transcript = transcript;
        this.state = new State(harness.telegram(), transcript, store);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (loopbackOnly && !namesLoopback(exchange.getRequestHeaders().getFirst("Host"))) {
            // A page of another site reaching loopback through a name of its own (DNS rebinding) is turned away.
            try (exchange) {
                send(exchange, 403, error("the emulator answers only at 127.0.0.1, localhost or [::1]"));
            }
            return;
        }
        if (method.equals("GET") && path.equals("/api/events")) {
            events.serve(exchange);
            return;
        }
        try (exchange) {
            try {
                route(exchange, method, path);
            } catch (Refused r) {
                send(exchange, r.status, error(String.valueOf(r.getMessage())));
            } catch (RuntimeException | AssertionError e) {
                // The bot's own failures are the engine's to handle; this is the harness refusing the action.
                log.debug("Emulator request {} {} failed", method, path, e);
                send(exchange, 400, error(String.valueOf(e.getMessage())));
            }
        }
    }

    private void route(HttpExchange exchange, String method, String path) throws IOException {
        if (method.equals("GET") && FILES.containsKey(path)) {
            file(exchange, FILES.get(path));
        } else if (method.equals("GET") && path.equals("/api/map")) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Chats.Person me = query.containsKey("user")
                    ? person(number(query.get("user"), "user"))
                    : chats.users().get(0);
            long chatId = query.containsKey("chat") ? number(query.get("chat"), "chat") : me.id();
            text(
                    exchange,
                    "image/svg+xml",
                    map(state.top(me.id(), chat(me, chatId).id())));
        } else if (method.equals("GET") && path.equals("/api/state")) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            // Without a user or chat, the page opens as the first user in their private chat.
            Chats.Person me = query.containsKey("user")
                    ? person(number(query.get("user"), "user"))
                    : chats.users().get(0);
            long chatId = query.containsKey("chat") ? number(query.get("chat"), "chat") : me.id();
            send(exchange, 200, state.of(chats, me, chat(me, chatId)));
        } else if (method.equals("POST") && path.startsWith("/api/")) {
            // Only JSON, which a form of another site cannot send without the browser asking first (and the
            // emulator answers no such question): no other site drives the bot.
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw new Refused(415, "the body must be application/json");
            }
            JsonObject body = body(exchange);
            Chats.Person me = person(number(string(body, "user"), "user"));
            Chats.Chat chat = chat(me, number(string(body, "chat"), "chat"));
            FakeUser user = user(me, chat);
            JsonObject answer = switch (path) {
                case "/api/send" -> send(user, body);
                case "/api/click" -> click(user, chat, body);
                case "/api/reply" -> reply(user, body);
                case "/api/inline" -> inline(me, user, body);
                case "/api/choose" -> choose(me, chat, user, body);
                default -> throw new Refused(404, "no such call: " + path);
            };
            send(exchange, 200, answer);
        } else if (method.equals("GET") && pages.containsKey(path)) {
            Page page = pages.get(path);
            text(exchange, page.contentType(), page.body().get());
        } else {
            throw new Refused(404, "not found: " + method + " " + path);
        }
    }

    private static JsonObject send(FakeUser user, JsonObject body) {
        String text = string(body, "text");
        if (text == null || text.isBlank()) {
            throw new Refused(400, "an empty message is not sent");
        }
        user.send(text.strip());
        return new JsonObject();
    }

    private JsonObject inline(Chats.Person me, FakeUser user, JsonObject body) {
        String query = Objects.requireNonNullElse(string(body, "query"), "");
        InlineResults results = user.inlineQuery(query);
        inlineResults.put(me.id(), results);
        JsonObject answer = new JsonObject();
        answer.addProperty("query", query);
        answer.add("results", state.inlineResults(results.queryId()));
        return answer;
    }

    private JsonObject choose(Chats.Person me, Chats.Chat chat, FakeUser user, JsonObject body) {
        InlineResults results = inlineResults.get(me.id());
        if (results == null) {
            throw new Refused(404, "no inline results to choose from: type @" + BOT + " and a query first");
        }
        String resultId = Objects.requireNonNullElse(string(body, "resultId"), "");
        String text = null;
        for (JsonElement r : state.inlineResults(results.queryId())) {
            if (resultId.equals(string(r.getAsJsonObject(), "id"))) {
                text = string(r.getAsJsonObject(), "text");
            }
        }
        if (text == null) {
            throw new Refused(404, "no result \"" + resultId + "\" among the bot's results");
        }
        long before = harness.telegram().nextMessageId(chat.id());
        String inlineMessageId = user.choose(results, resultId);
        transcript.sentInline(chat.id(), me.id(), me.name(), text, inlineMessageId, before);
        events.changed();
        JsonObject answer = new JsonObject();
        answer.addProperty("inlineMessageId", inlineMessageId);
        return answer;
    }

    private JsonObject click(FakeUser user, Chats.Chat chat, JsonObject body) {
        String inlineMessageId = string(body, "inlineMessageId");
        if (inlineMessageId != null) {
            return clickInline(user, inlineMessageId, body);
        }
        long messageId = number(string(body, "messageId"), "messageId");
        FakeMessage message = harness.telegram().messages(chat.id()).stream()
                .filter(m -> m.messageId() == messageId)
                .findFirst()
                .orElseThrow(() -> new Refused(404, "message " + messageId + " is no longer in the chat"));
        InlineKeyboardButton button = button(message, body);
        JsonObject answer = new JsonObject();
        if (button.callbackData() != null) {
            @Nullable String before = lastAnswerId(user);
            user.clickWithData(message, button.callbackData());
            answer = toast(user, before);
        } else if (Boolean.TRUE.equals(button.pay())) {
            PaymentResult paid = user.pay(message);
            answer.addProperty("paid", paid.paid());
            answer.addProperty("refusal", paid.refusal());
        } else if (button.callbackGame() != null) {
            CallbackAnswer play = user.play(message);
            answer.addProperty("toast", play.text());
            answer.addProperty("url", play.url());
        } else {
            throw new Refused(400, "\"" + button.text() + "\" is handled by the Telegram app, not the bot");
        }
        return answer;
    }

    /** A click on a message sent through inline mode, which names no chat: only callback buttons reach the bot. */
    private JsonObject clickInline(FakeUser user, String inlineMessageId, JsonObject body) {
        FakeMessage message = harness.telegram()
                .inlineMessage(inlineMessageId)
                .orElseThrow(() -> new Refused(404, "no inline message " + inlineMessageId));
        InlineKeyboardButton button = button(message, body);
        if (button.callbackData() == null) {
            throw new Refused(400, "\"" + button.text() + "\" is handled by the Telegram app, not the bot");
        }
        @Nullable String before = lastAnswerId(user);
        user.clickInline(inlineMessageId, button.text());
        return toast(user, before);
    }

    /** The answer to the user's click, if it was answered since {@code before}, as the page shows it. */
    private static JsonObject toast(FakeUser user, @Nullable String before) {
        JsonObject answer = new JsonObject();
        CallbackAnswer after = user.lastAnswer();
        if (!after.queryId().equals(before)) {
            answer.addProperty("toast", after.text());
            answer.addProperty("alert", after.showAlert());
            answer.addProperty("url", after.url());
        }
        return answer;
    }

    private static @Nullable String lastAnswerId(FakeUser user) {
        try {
            return user.lastAnswer().queryId();
        } catch (AssertionError none) {
            return null;
        }
    }

    /** The button the body names: by {@code row} and {@code column}, by its callback {@code data}, or its label. */
    private static InlineKeyboardButton button(FakeMessage message, JsonObject body) {
        List<List<InlineKeyboardButton>> rows = message.inlineKeyboard();
        String row = string(body, "row");
        String data = string(body, "data");
        String label = string(body, "label");
        if (row != null) {
            int r = (int) number(row, "row");
            int c = (int) number(string(body, "column"), "column");
            if (r < 0 || r >= rows.size() || c < 0 || c >= rows.get(r).size()) {
                throw new Refused(404, "message " + message.messageId() + " has no button at " + r + ", " + c);
            }
            return rows.get(r).get(c);
        }
        for (List<InlineKeyboardButton> buttons : rows) {
            for (InlineKeyboardButton b : buttons) {
                if ((data != null && data.equals(b.callbackData())) || (label != null && label.equals(b.text()))) {
                    return b;
                }
            }
        }
        throw new Refused(
                404, "message " + message.messageId() + " has no such button; it has " + message.buttonLabels());
    }

    private JsonObject reply(FakeUser user, JsonObject body) {
        String label = Objects.requireNonNullElse(string(body, "label"), "");
        ReplyKeyboardMarkup shown = State.replyKeyboardShown(harness.telegram().history(user.chatId()));
        if (shown != null) {
            for (List<KeyboardButton> row : shown.keyboard()) {
                for (KeyboardButton b : row) {
                    if (b.text().equals(label)) {
                        press(user, b);
                        return new JsonObject();
                    }
                }
            }
        }
        throw new Refused(404, "no reply-keyboard button \"" + label + "\"");
    }

    private static void press(FakeUser user, KeyboardButton b) {
        if (Boolean.TRUE.equals(b.requestContact())) {
            user.sendContact(SHARED_PHONE, "You");
        } else if (Boolean.TRUE.equals(b.requestLocation())) {
            user.sendLocation(SHARED_LATITUDE, SHARED_LONGITUDE);
        } else {
            user.send(b.text());
        }
    }

    private FakeUser user(Chats.Person me, Chats.Chat chat) {
        FakeUser user = users.computeIfAbsent(me.id(), id -> harness.user(id, me.name()));
        return chat.id() == me.id() ? user : user.inGroup(chat.id());
    }

    private Chats.Person person(long id) {
        return chats.user(id).orElseThrow(() -> new Refused(404, "no user " + id));
    }

    private Chats.Chat chat(Chats.Person me, long chatId) {
        return chats.chat(me, chatId).orElseThrow(() -> new Refused(404, me.name() + " is not in chat " + chatId));
    }

    // ------------------------------------------------------------------------------------------------ the wire

    private static boolean namesLoopback(@Nullable String host) {
        if (host == null) {
            return false;
        }
        String name = host.startsWith("[")
                ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        return name.equals("127.0.0.1") || name.equalsIgnoreCase("localhost") || name.equals("[::1]");
    }

    private void file(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = Api.class.getResourceAsStream("web/" + name)) {
            if (in == null) {
                throw new Refused(404, "not found: " + name);
            }
            byte[] bytes = in.readAllBytes();
            String type = name.endsWith(".html") ? "text/html" : name.endsWith(".css") ? "text/css" : "text/javascript";
            exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** The declared map of the bot's dialogs, laid out once per window highlighted (ELK takes a few ms). */
    private final java.util.concurrent.ConcurrentHashMap<java.util.Optional<TransitionMap.Node>, String> maps =
            new java.util.concurrent.ConcurrentHashMap<>();

    private @Nullable TransitionMap declared;

    /** The map with the user's current window highlighted (none when no dialog is open). */
    private String map(java.util.Optional<TransitionMap.Node> at) {
        synchronized (this) {
            if (declared == null) {
                declared = TransitionMap.declared(harness.bot().dialogs());
            }
        }
        TransitionMap map = declared;
        return maps.computeIfAbsent(at, a -> map.svg(a.orElse(null)));
    }

    private static void text(HttpExchange exchange, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void send(HttpExchange exchange, int status, JsonObject json) throws IOException {
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static JsonObject error(String message) {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        return o;
    }

    private static JsonObject body(HttpExchange exchange) throws IOException {
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            JsonElement json = JsonParser.parseString(text);
            if (json.isJsonObject()) {
                return json.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            // answered below
        }
        throw new Refused(400, "the body is not a JSON object");
    }

    private static @Nullable String string(JsonObject body, String name) {
        JsonElement value = body.get(name);
        return value == null || value.isJsonNull() || !value.isJsonPrimitive() ? null : value.getAsString();
    }

    private static long number(@Nullable String value, String name) {
        if (value == null) {
            throw new Refused(400, "\"" + name + "\" is missing");
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new Refused(400, "\"" + name + "\" is not a number: " + value);
        }
    }

    private static Map<String, String> query(@Nullable String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    /** A request the page could not have made, answered with this status and message. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
