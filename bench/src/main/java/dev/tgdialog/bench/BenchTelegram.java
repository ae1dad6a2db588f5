package dev.tgdialog.bench;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * The benchmark's fake Telegram, the same as the peers' (shared/bench/peers-node/lib/harness.mjs): it answers
 * sendMessage, editMessageText and answerCallbackQuery at the OkHttp boundary ("stub=http": the client really
 * serialises requests and parses answers), keeps per chat only what the simulated user needs to read its next
 * button, and refuses an edit that changes nothing, as Telegram does. Thread-safe.
 */
final class BenchTelegram implements Interceptor {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String BOT =
            "{\"id\":123456,\"is_bot\":true,\"first_name\":\"BenchBot\",\"username\":\"bench_bot\"}";

    /** A bot message as the fake keeps it. */
    static final class Msg {
        /** The text as the JSON string literal it came in (UTF-8), echoed back as it is. */
        byte[] textJson;
        /** The inline keyboard as the JSON it came in, or null. */
        byte[] keyboardJson;

        Msg(byte[] textJson, byte[] keyboardJson) {
            this.textJson = textJson;
            this.keyboardJson = keyboardJson;
        }

        void set(byte[] textJson, byte[] keyboardJson) {
            this.textJson = textJson;
            this.keyboardJson = keyboardJson;
        }

        /** The text, unescaped. */
        String text() {
            return TopLevelJson.string(textJson);
        }

        /**
         * The keyboard's buttons in order (the simulated user reads them by label); none without a keyboard. Parsed
         * on each call: the fake keeps only what Telegram would, so the heap per user measures the bot.
         */
        Button[] buttons() {
            return keyboardJson == null ? new Button[0] : parseButtons(keyboardJson);
        }
    }

    /** One inline button: its label, and its callback data (null for other kinds). */
    record Button(String label, String data) {}

    /**
     * The buttons of an {@code InlineKeyboardMarkup}'s JSON, in one pass over its bytes: the buttons are the objects
     * at depth 4 ({@code {"inline_keyboard":[[{...}]]}}), their {@code text} and {@code callback_data} the string
     * members at that depth (a nested {@code copy_text} has a {@code text} of its own, one level deeper).
     */
    private static Button[] parseButtons(byte[] s) {
        java.util.List<Button> out = new java.util.ArrayList<>(8);
        int depth = 0;
        String label = null;
        String data = null;
        for (int i = 0; i < s.length; i++) {
            switch (s[i]) {
                case '{', '[' -> depth++;
                case ']' -> depth--;
                case '}' -> {
                    if (depth == 4) {
                        out.add(new Button(label, data));
                        label = null;
                        data = null;
                    }
                    depth--;
                }
                case '"' -> {
                    int end = TopLevelJson.endOfString(s, i);
                    int colon = TopLevelJson.skipSpace(s, end);
                    if (depth == 4 && s[colon] == ':') {
                        int value = TopLevelJson.skipSpace(s, colon + 1);
                        boolean isLabel = TopLevelJson.isKey(s, i, end, "text");
                        if (s[value] == '"' && (isLabel || TopLevelJson.isKey(s, i, end, "callback_data"))) {
                            int valueEnd = TopLevelJson.endOfString(s, value);
                            String v = TopLevelJson.string(java.util.Arrays.copyOfRange(s, value, valueEnd));
                            if (isLabel) {
                                label = v;
                            } else {
                                data = v;
                            }
                            end = valueEnd;
                        }
                    }
                    i = end - 1;
                }
                default -> {}
            }
        }
        return out.toArray(Button[]::new);
    }

    /** One chat's messages. */
    static final class Chat {
        long next = 1;
        /** The chat's messages by id (ids start at 1 and grow by one, so a list indexed by id - 1 does). */
        final Messages messages = new Messages();

        long lastKeyboard;

        /** When the bot's latest call about this chat came in ({@code System.nanoTime}); 0 before the first. */
        volatile long lastCallNanos;
    }

    /** A chat's messages; message ids are positions (from 1) in the chat's sequence, user messages included. */
    static final class Messages {
        private Msg[] byId = new Msg[8];

        int capacity() {
            return byId.length;
        }

        Msg get(long id) {
            return id >= 1 && id <= byId.length ? byId[(int) id - 1] : null;
        }

        void put(long id, Msg m) {
            if (id > byId.length) {
                byId = java.util.Arrays.copyOf(byId, (int) Math.max(id, byId.length * 2L));
            }
            byId[(int) id - 1] = m;
        }
    }

    /** Replaced only by {@link #park} and {@link #unpark}, while no update is in flight. */
    volatile ConcurrentHashMap<Long, Chat> chats = new ConcurrentHashMap<>();

    final Map<String, Boolean> pendingCallbacks = new ConcurrentHashMap<>();
    final LongAdder calls = new LongAdder();
    final LongAdder unknown = new LongAdder();

    Chat chat(long id) {
        return chats.computeIfAbsent(id, k -> new Chat());
    }

    long nextMessageId(long chatId) {
        Chat c = chat(chatId);
        synchronized (c) {
            return c.next++;
        }
    }

    private static final byte[] CHAT_ID = TopLevelJson.name("chat_id");
    private static final byte[] MESSAGE_ID = TopLevelJson.name("message_id");
    private static final byte[] TEXT = TopLevelJson.name("text");
    private static final byte[] REPLY_MARKUP = TopLevelJson.name("reply_markup");
    private static final byte[] CALLBACK_QUERY_ID = TopLevelJson.name("callback_query_id");
    private static final int P_CHAT = 0;
    private static final int P_MESSAGE = 1;
    private static final int P_TEXT = 2;
    private static final int P_MARKUP = 3;
    private static final int P_QUERY = 4;

    @Override
    public Response intercept(Chain chain) throws IOException {
        String path = chain.request().url().encodedPath();
        String method = path.substring(path.lastIndexOf('/') + 1);
        Buffer body = new Buffer();
        chain.request().body().writeTo(body);
        TopLevelJson p =
                new TopLevelJson(body.readByteArray(), CHAT_ID, MESSAGE_ID, TEXT, REPLY_MARKUP, CALLBACK_QUERY_ID);
        Bytes answer = Bytes.scratch();
        try {
            answer.ascii("{\"ok\":true,\"result\":");
            handle(method, p, answer);
            answer.ascii("}");
        } catch (IllegalStateException e) {
            answer = Bytes.scratch()
                    .ascii("{\"ok\":false,\"error_code\":400,\"description\":\"" + e.getMessage() + "\"}");
        }
        return new Response.Builder()
                .request(chain.request())
                .protocol(Protocol.HTTP_1_1)
                .code(200)
                .message("OK")
                .body(ResponseBody.create(answer.toByteArray(), JSON))
                .build();
    }

    private void handle(String method, TopLevelJson p, Bytes out) {
        calls.increment();
        switch (method) {
            case "sendMessage": {
                long chatId = p.number(P_CHAT);
                Chat c = chat(chatId);
                c.lastCallNanos = System.nanoTime();
                synchronized (c) {
                    long id = c.next++;
                    Msg m = new Msg(p.raw(P_TEXT), keyboard(p));
                    c.messages.put(id, m);
                    if (m.keyboardJson != null) {
                        c.lastKeyboard = id;
                    }
                    message(chatId, id, m, out);
                    return;
                }
            }
            case "editMessageText": {
                long chatId = p.number(P_CHAT);
                long id = p.number(P_MESSAGE);
                Chat c = chat(chatId);
                c.lastCallNanos = System.nanoTime();
                synchronized (c) {
                    Msg m = c.messages.get(id);
                    if (m == null) {
                        throw new IllegalStateException("Bad Request: message to edit not found");
                    }
                    byte[] kbJson = keyboard(p);
                    byte[] textJson = p.raw(P_TEXT);
                    if (java.util.Arrays.equals(m.textJson, textJson)
                            && java.util.Arrays.equals(m.keyboardJson, kbJson)) {
                        throw new IllegalStateException("Bad Request: message is not modified");
                    }
                    m.set(textJson, kbJson);
                    if (kbJson != null) {
                        c.lastKeyboard = id;
                    }
                    message(chatId, id, m, out);
                    return;
                }
            }
            case "answerCallbackQuery":
                pendingCallbacks.remove(p.string(P_QUERY));
                out.ascii("true");
                return;
            default:
                unknown.increment();
                out.ascii("true");
        }
    }

    /** The inline keyboard of a request, as raw JSON, or null when it has none. */
    private static byte[] keyboard(TopLevelJson p) {
        return p.startsWith(P_MARKUP, "{\"inline_keyboard\"") ? p.raw(P_MARKUP) : null;
    }

    private static void message(long chatId, long id, Msg m, Bytes out) {
        out.ascii("{\"message_id\":")
                .number(id)
                .ascii(",\"date\":1700000000,\"chat\":{\"id\":")
                .number(chatId)
                .ascii(",\"type\":\"private\",\"first_name\":\"U\"},\"from\":")
                .ascii(BOT)
                .ascii(",\"text\":")
                .bytes(m.textJson);
        if (m.keyboardJson != null) {
            out.ascii(",\"reply_markup\":").bytes(m.keyboardJson);
        }
        out.ascii("}");
    }

    /**
     * Moves every chat's state off the heap (into a direct buffer) and leaves an empty map, so that a heap measurement
     * taken now counts the bot alone, as the peers' harness parks its fake server's state; {@link #unpark} puts it
     * back. Only while no update is in flight.
     */
    java.nio.ByteBuffer park() {
        Map<Long, Chat> all = chats;
        long size = 4;
        for (Chat c : all.values()) {
            size += 8 * 3 + 4;
            for (int i = 1; i <= c.messages.capacity(); i++) {
                Msg m = c.messages.get(i);
                if (m != null) {
                    size += 4 + 8 + m.textJson.length + (m.keyboardJson == null ? 0 : m.keyboardJson.length);
                }
            }
        }
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocateDirect(Math.toIntExact(size));
        out.putInt(all.size());
        all.forEach((id, c) -> {
            out.putLong(id).putLong(c.next).putLong(c.lastKeyboard);
            int count = 0;
            for (int i = 1; i <= c.messages.capacity(); i++) {
                count += c.messages.get(i) == null ? 0 : 1;
            }
            out.putInt(count);
            for (int i = 1; i <= c.messages.capacity(); i++) {
                Msg m = c.messages.get(i);
                if (m != null) {
                    out.putInt(i).putInt(m.textJson.length).put(m.textJson);
                    out.putInt(m.keyboardJson == null ? -1 : m.keyboardJson.length);
                    if (m.keyboardJson != null) {
                        out.put(m.keyboardJson);
                    }
                }
            }
        });
        chats = new ConcurrentHashMap<>();
        return out.flip();
    }

    /** Brings back the chats {@link #park} moved off the heap. */
    void unpark(java.nio.ByteBuffer parked) {
        ConcurrentHashMap<Long, Chat> all = new ConcurrentHashMap<>();
        for (int n = parked.getInt(); n > 0; n--) {
            long id = parked.getLong();
            Chat c = new Chat();
            c.next = parked.getLong();
            c.lastKeyboard = parked.getLong();
            for (int count = parked.getInt(); count > 0; count--) {
                int messageId = parked.getInt();
                byte[] text = new byte[parked.getInt()];
                parked.get(text);
                int keyboardLength = parked.getInt();
                byte[] keyboard = null;
                if (keyboardLength >= 0) {
                    keyboard = new byte[keyboardLength];
                    parked.get(keyboard);
                }
                c.messages.put(messageId, new Msg(text, keyboard));
            }
            all.put(id, c);
        }
        chats = all;
    }
}
