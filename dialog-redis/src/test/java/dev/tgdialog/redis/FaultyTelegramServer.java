package dev.tgdialog.redis;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tgdialog.testing.FakeTelegram;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The Bot API on a real HTTP server on loopback, answering as {@link FakeTelegram} does, with faults a test turns
 * on: 429 with {@code retry_after} for chats in flood wait, and a send that is stored and then cut off before its
 * answer is complete (the caller cannot know it arrived). Every accepted {@code sendMessage} is recorded with the
 * wall time and the bot's clock time it arrived at.
 */
final class FaultyTelegramServer implements AutoCloseable {
    /** A message Telegram accepted: to which chat, what it said, when it arrived. */
    record Sent(long chatId, String text, long wallNanos, Instant clock) {}

    final FakeTelegram fake;
    final Set<Long> flooded = ConcurrentHashMap.newKeySet();
    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final AtomicInteger floodAnswers = new AtomicInteger();
    final AtomicInteger cutOffSends = new AtomicInteger();
    private final Map<Long, AtomicInteger> cutNextSends = new ConcurrentHashMap<>();
    private final OkHttpClient viaFake;
    private final HttpServer server;
    private final Supplier<Instant> clock;
    private volatile int retryAfter = 30;

    FaultyTelegramServer(FakeTelegram fake, Supplier<Instant> clock) {
        this.fake = fake;
        this.clock = clock;
        this.viaFake =
                new OkHttpClient.Builder().addInterceptor(fake.interceptor()).build();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "faulty-telegram");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::exchange);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Chats in flood wait get 429 with this {@code retry_after} on every call, until {@link #endFlood}. */
    void flood(Set<Long> chats, int retryAfterSeconds) {
        retryAfter = retryAfterSeconds;
        flooded.addAll(chats);
    }

    void endFlood() {
        flooded.clear();
    }

    /** The next {@code count} sends to this chat are stored, then their answer is cut off half-way. */
    void cutOffNextSends(long chatId, int count) {
        cutNextSends.computeIfAbsent(chatId, id -> new AtomicInteger()).addAndGet(count);
    }

    /** Waits (bounded) until the accepted sends satisfy {@code done}; false when the time ran out first. */
    boolean awaitSent(java.util.function.Predicate<List<Sent>> done, java.time.Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (sent) {
            while (!done.test(sent)) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                sent.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    List<Sent> sentTo(long chatId) {
        return sent.stream().filter(s -> s.chatId() == chatId).toList();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String method = path.substring(path.lastIndexOf('/') + 1);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            JsonObject params = contentType != null && contentType.startsWith("application/json") && body.length > 0
                    ? JsonParser.parseString(new String(body, StandardCharsets.UTF_8))
                            .getAsJsonObject()
                    : null;
            Long chatId = params != null
                            && params.has("chat_id")
                            && params.get("chat_id").isJsonPrimitive()
                    ? params.get("chat_id").getAsLong()
                    : null;
            if (chatId != null && flooded.contains(chatId)) {
                floodAnswers.incrementAndGet();
                reply(
                        exchange,
                        429,
                        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                                + retryAfter + "\",\"parameters\":{\"retry_after\":" + retryAfter + "}}");
                return;
            }
            Request forwarded = new Request.Builder()
                    .url("http://telegram.invalid" + path)
                    .post(RequestBody.create(body, contentType == null ? null : MediaType.get(contentType)))
                    .build();
            int code;
            byte[] answer;
            try (Response response = viaFake.newCall(forwarded).execute()) {
                code = response.code();
                answer = response.body().bytes();
            }
            if (code == 200 && method.equals("sendMessage") && params != null) {
                synchronized (sent) {
                    sent.add(new Sent(chatId, params.get("text").getAsString(), System.nanoTime(), clock.get()));
                    sent.notifyAll();
                }
                AtomicInteger cut = chatId == null ? null : cutNextSends.get(chatId);
                if (cut != null && cut.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    cutOffSends.incrementAndGet();
                    // The message is stored; the answer promises more bytes than it sends, then the connection ends.
                    exchange.sendResponseHeaders(200, answer.length);
                    OutputStream out = exchange.getResponseBody();
                    out.write(answer, 0, answer.length / 2);
                    out.flush();
                    // Closing short of the promised length makes the server drop the connection: that is the fault.
                    exchange.close();
                    return;
                }
            }
            reply(exchange, code, new String(answer, StandardCharsets.UTF_8));
        }
    }

    private static void reply(HttpExchange exchange, int code, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
