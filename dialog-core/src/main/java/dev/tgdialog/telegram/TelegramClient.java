package dev.tgdialog.telegram;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import dev.tgdialog.TimeSource;
import dev.tgdialog.events.BotEvents;
import dev.tgdialog.events.CallOutcome;
import dev.tgdialog.internal.GuardedEvents;
import dev.tgdialog.internal.http.MethodKind;
import dev.tgdialog.internal.http.OkHttpTransport;
import dev.tgdialog.internal.http.Pacer;
import dev.tgdialog.internal.http.Redactor;
import dev.tgdialog.internal.http.RequestEncoder;
import dev.tgdialog.internal.json.Json;
import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot API client: runs any {@link BotMethod} against Telegram (or a local Bot API server) over a
 * {@link Transport} (OkHttp unless another is chosen, or the JDK's own HTTP client when OkHttp is not on the class
 * path), with JSON or multipart bodies, typed results, retries by {@link RetryPolicy} and optional {@link Pacing}.
 *
 * <p>The transport's own silent retry is switched off: the {@link RetryPolicy} alone repeats a call, and never a send
 * whose outcome is unknown. Failures are thrown (or complete the future) as {@link TelegramException}. Neither the bot
 * token nor any piece of it of 8 or more characters appears in a log line, exception message or {@code toString()}.
 * Thread-safe; create one per bot and share it.
 *
 * <pre>{@code
 * TelegramClient telegram = TelegramClient.create(System.getenv("BOT_TOKEN"));
 * Message sent = telegram.execute(SendMessage.of(chatId, "Hello"));
 * }</pre>
 */
public final class TelegramClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramClient.class);
    private static final String PUBLIC_HOST = "api.telegram.org";
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[0-9]+:[A-Za-z0-9_-]+");

    private final String token;
    private final URI apiBase;
    private final URI fileBase;
    private final Transport http;
    private final boolean ownsHttp;
    private final Gson gson;
    private final RequestEncoder encoder;
    private final RetryPolicy retry;
    private final Pacer pacer;
    private final TimeSource time;
    private final Redactor redactor;
    /** Told of every request's outcome; {@link BotEvents#NONE} (nothing measured) unless set. */
    private final BotEvents events;

    private final ConcurrentMap<String, URI> methodUrls = new ConcurrentHashMap<>();
    private final ConcurrentMap<Type, TypeAdapter<Envelope<?>>> envelopes = new ConcurrentHashMap<>();

    private TelegramClient(Builder b, Transport http, boolean ownsHttp, Pacer pacer) {
        this.token = b.token;
        this.http = http;
        this.ownsHttp = ownsHttp;
        this.retry = b.retry;
        this.time = b.time;
        this.pacer = pacer;
        this.gson = Json.gson();
        this.encoder = new RequestEncoder(gson);
        this.redactor = new Redactor(b.token);
        this.events = b.events;
        URI base = baseUri(b.baseUrl);
        String env = b.testEnvironment ? "test" : null;
        this.apiBase = withSegments(base, "bot" + token, env);
        this.fileBase = withSegments(base, "file", "bot" + token, env);
    }

    private TelegramClient(TelegramClient other, Transport http, RetryPolicy retry, BotEvents events) {
        this.token = other.token;
        this.apiBase = other.apiBase;
        this.fileBase = other.fileBase;
        this.http = http;
        this.ownsHttp = false;
        this.gson = other.gson;
        this.encoder = other.encoder;
        this.retry = retry;
        this.pacer = other.pacer;
        this.time = other.time;
        this.redactor = other.redactor;
        this.events = events;
    }

    /** The base URL, checked to be HTTP(S) with a host, as a directory (ending in a slash). */
    private static URI baseUri(String baseUrl) {
        URI base;
        try {
            base = new URI(baseUrl);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not an HTTP(S) base URL: " + baseUrl);
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || base.getHost() == null) {
            throw new IllegalArgumentException("not an HTTP(S) base URL: " + baseUrl);
        }
        String path = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        return base.resolve(path.endsWith("/") ? path : path + "/");
    }

    private static URI withSegments(URI base, @Nullable String... segments) {
        StringBuilder path = new StringBuilder();
        for (String s : segments) {
            if (s != null) {
                path.append(segment(s)).append('/');
            }
        }
        // "./" keeps a first segment with a colon (the token's) from reading as a scheme.
        return base.resolve("./" + path);
    }

    /**
     * A path segment with every character percent-encoded that RFC 3986 does not allow in one (a token's colon
     * stays, as Telegram documents the URL; a file path from a server may hold anything).
     */
    private static String segment(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || PCHAR.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return out.toString();
    }

    private static final String PCHAR = "-._~!$&'()*+,;=:@";
    private static final String HEX = "0123456789ABCDEF";

    /**
     * A client for this bot token against {@code https://api.telegram.org} with the default settings: on OkHttp, or on
     * {@link Transport#jdk} when OkHttp (or the Okio and Kotlin it runs on) is not on the class path.
     */
    public static TelegramClient create(String token) {
        return builder(token).build();
    }

    /** Starts a client for this bot token. */
    public static Builder builder(String token) {
        return new Builder(token);
    }

    /**
     * Runs the call and returns its result, waiting through pacing and retries.
     *
     * @throws TelegramException when Telegram answers with an error, or no answer comes, after the retries
     */
    public <R> R execute(BotMethod<R> method) {
        return execute(method, method.resultType());
    }

    /**
     * Runs the call like {@link #execute(BotMethod)} but reads its result as {@code resultType}: a smaller view of a
     * big result (a record of your own with the few fields you need) saves parsing the rest.
     */
    public <R> R execute(BotMethod<?> method, Class<R> resultType) {
        return execute(method, (Type) resultType);
    }

    private <R> R execute(BotMethod<?> method, Type resultType) {
        Attempts attempts = new Attempts();
        try {
            time.sleep(pacer.reserve(method.methodName(), chatOf(method)));
            attempts.first = time.now();
            while (true) {
                try {
                    return attempt(method, resultType);
                } catch (TelegramException e) {
                    Duration pause = retryDelay(method, e, attempts);
                    if (pause == null) {
                        throw e;
                    }
                    time.sleep(pause);
                    // A repeated send is one more message going out: it takes its own slot, as of when it goes.
                    time.sleep(pacer.reserve(method.methodName(), chatOf(method)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramException.Network(method.methodName(), "interrupted", false, false, e);
        }
    }

    /**
     * Runs the call without blocking the caller; the future completes with the result or a
     * {@link TelegramException}, after pacing and retries (which wait without holding a thread).
     */
    public <R> CompletableFuture<R> executeAsync(BotMethod<R> method) {
        CompletableFuture<R> result = new CompletableFuture<>();
        pacedAttemptAsync(method, new Attempts(), result);
        return result;
    }

    /** Makes the call's next attempt once pacing lets it go: the first, or a repeat, which sends once more too. */
    private <R> void pacedAttemptAsync(BotMethod<R> method, Attempts attempts, CompletableFuture<R> result) {
        Duration pace = pacer.reserve(method.methodName(), chatOf(method));
        if (pace.isZero()) {
            attemptAsync(method, attempts, result);
        } else {
            time.delay(pace).thenRun(() -> attemptAsync(method, attempts, result));
        }
    }

    /**
     * A client like this one (same connections, settings and pacing) whose HTTP read timeout is this long; long
     * polling needs one longer than its poll timeout.
     */
    public TelegramClient withReadTimeout(Duration readTimeout) {
        return new TelegramClient(this, http.withReadTimeout(readTimeout), retry, events);
    }

    /** How this client repeats failed calls. */
    public RetryPolicy retryPolicy() {
        return retry;
    }

    /**
     * A client like this one (same connections, settings and pacing) that repeats failed calls by this policy; the
     * engine, for one, takes 429s on itself with a {@code maxFloodWait} of zero.
     */
    public TelegramClient withRetryPolicy(RetryPolicy policy) {
        return new TelegramClient(this, http, Objects.requireNonNull(policy, "policy"), events);
    }

    /**
     * A client like this one (same connections, settings and pacing) that tells {@code listener} of its calls
     * ({@link BotEvents#apiCall}, {@link BotEvents#rateLimited}) instead of this one's listener. A {@code DialogBot}
     * given a listener runs its calls through such a client.
     *
     * @param listener the listener, or {@link BotEvents#NONE} to report to none
     * @return a client on this one's connections
     */
    public TelegramClient withEvents(BotEvents listener) {
        return new TelegramClient(this, http, retry, GuardedEvents.of(Objects.requireNonNull(listener, "listener")));
    }

    /**
     * The download URL of a file from {@code getFile}'s {@code file_path}. It contains the bot token: hand it to
     * nothing that logs or shows it; prefer {@link #downloadFile(String)}.
     */
    public String fileUrl(String filePath) {
        StringBuilder path = new StringBuilder();
        for (String s : filePath.split("/", -1)) {
            if (!s.isEmpty()) {
                path.append(path.length() == 0 ? "" : "/").append(segment(s));
            }
        }
        return fileBase.resolve("./" + path).toString();
    }

    /**
     * Downloads a file by the {@code file_path} that {@code getFile} returned. A local Bot API server run with
     * {@code --local} answers {@code getFile} with an absolute path on its own disk and serves no download: when
     * the client talks to such a server (any base URL but Telegram's public one) and {@code filePath} is absolute
     * and readable here, the file is read from disk instead of fetched.
     */
    public byte[] downloadFile(String filePath) {
        Path local = localFile(filePath);
        if (local != null) {
            try {
                return Files.readAllBytes(local);
            } catch (IOException e) {
                throw network("downloadFile", e);
            }
        }
        Transport.Response response;
        try {
            response = http.send(Transport.Request.get(URI.create(fileUrl(filePath))));
        } catch (Transport.Failure e) {
            throw network("downloadFile", e);
        }
        if (!response.isSuccessful()) {
            throw TelegramException.of("downloadFile", response.status(), "HTTP " + response.status(), null, null);
        }
        return response.body();
    }

    /**
     * The file {@code getFile} named by an absolute path, if it is readable here. Never for Telegram's public
     * server, which answers relative paths only: a path from elsewhere must not make the bot read its own disk.
     */
    private @Nullable Path localFile(String filePath) {
        if (PUBLIC_HOST.equalsIgnoreCase(apiBase.getHost())) {
            return null;
        }
        Path path;
        try {
            path = Path.of(filePath);
        } catch (InvalidPathException e) {
            return null;
        }
        return path.isAbsolute() && Files.isRegularFile(path) && Files.isReadable(path) ? path : null;
    }

    /**
     * Shuts down the HTTP connections and threads this client created (not those of a supplied OkHttpClient or
     * {@link Transport}).
     */
    @Override
    public void close() {
        if (ownsHttp) {
            http.close();
        }
    }

    /** The bot's user id: the digits before the colon of its token (not secret). */
    public long botId() {
        return Long.parseLong(token.substring(0, token.indexOf(':')));
    }

    @Override
    public String toString() {
        return "TelegramClient[bot " + token.substring(0, token.indexOf(':')) + " at " + apiBase.getScheme() + "://"
                + apiBase.getHost() + ":" + port(apiBase) + "]";
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private <R> R attempt(BotMethod<?> method, Type resultType) {
        long started = events == BotEvents.NONE ? 0 : time.nanoTime();
        try {
            Transport.Response response;
            try {
                response = http.send(request(method));
            } catch (Transport.Failure e) {
                throw network(method.methodName(), e);
            }
            R result = read(method, resultType, response);
            answered(method, started, null);
            return result;
        } catch (TelegramException e) {
            answered(method, started, e);
            throw e;
        }
    }

    /** Tells the listener how one request of {@code method} ended: {@code failure}, or well when it is null. */
    private void answered(BotMethod<?> method, long started, @Nullable TelegramException failure) {
        if (events == BotEvents.NONE) {
            return;
        }
        long nanos = time.nanoTime() - started;
        String name = method.methodName();
        if (failure == null) {
            events.apiCall(name, CallOutcome.OK, 0, nanos);
        } else if (failure instanceof TelegramException.Network n) {
            events.apiCall(name, n.isTimeout() ? CallOutcome.TIMEOUT : CallOutcome.NETWORK, 0, nanos);
        } else {
            events.apiCall(name, CallOutcome.ERROR, failure.errorCode(), nanos);
            if (failure instanceof TelegramException.TooManyRequests) {
                Long retryAfter = failure.retryAfter();
                // Without a retry_after the client waits a second, as retryDelay does.
                events.rateLimited(name, retryAfter == null ? 1 : Math.max(0, retryAfter));
            }
        }
    }

    private <R> void attemptAsync(BotMethod<R> method, Attempts attempts, CompletableFuture<R> result) {
        if (attempts.first == null) {
            attempts.first = time.now();
        }
        long started = events == BotEvents.NONE ? 0 : time.nanoTime();
        CompletableFuture<Transport.Response> call;
        try {
            call = http.sendAsync(request(method));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        // Cancelling the returned future cancels the HTTP call in flight (a long poll being stopped, say).
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                call.cancel(true);
            }
        });
        call.whenComplete((response, error) -> {
            if (result.isDone()) {
                return;
            }
            TelegramException failure;
            if (error == null) {
                try {
                    R value = read(method, method.resultType(), response);
                    answered(method, started, null);
                    result.complete(value);
                    return;
                } catch (TelegramException e) {
                    failure = e;
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                    return;
                }
            } else {
                Throwable cause =
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (cause instanceof Transport.Failure f) {
                    failure = network(method.methodName(), f);
                } else {
                    result.completeExceptionally(cause);
                    return;
                }
            }
            answered(method, started, failure);
            Duration pause = retryDelay(method, failure, attempts);
            if (pause == null) {
                result.completeExceptionally(failure);
            } else {
                time.delay(pause).thenRun(() -> pacedAttemptAsync(method, attempts, result));
            }
        });
    }

    private Transport.Request request(BotMethod<?> method) {
        URI url = methodUrls.computeIfAbsent(method.methodName(), name -> apiBase.resolve("./" + segment(name)));
        RequestEncoder.Body body = encoder.encode(method);
        return Transport.Request.post(url, body.contentType(), body.bytes());
    }

    /** The exact bytes Telegram answers a successful call whose result is {@code true} with. */
    private static final byte[] OK_TRUE = "{\"ok\":true,\"result\":true}".getBytes(StandardCharsets.US_ASCII);

    private <R> R read(BotMethod<?> method, Type resultType, Transport.Response response) {
        String name = method.methodName();
        Envelope<?> envelope;
        byte[] body = response.body();
        if (resultType == Boolean.class && java.util.Arrays.equals(body, OK_TRUE)) {
            // The whole answer of most setters and of every answerCallbackQuery: read by comparison, which spares
            // a JSON reader and its buffers (a third of what the client allocated per call).
            @SuppressWarnings("unchecked")
            R value = (R) Boolean.TRUE;
            return value;
        }
        try (JsonReader reader = Json.reader(body)) {
            envelope = envelopeAdapter(resultType).read(reader);
        } catch (JsonParseException | IllegalStateException | NumberFormatException | MalformedJsonException e) {
            throw notAnAnswer(name, response.status(), e);
        } catch (EOFException e) {
            // The transport reports a body cut short by the network itself; an EOF from the JSON reader means the
            // whole body arrived and is truncated JSON.
            throw notAnAnswer(name, response.status(), e);
        } catch (IOException e) {
            throw notAnAnswer(name, response.status(), e);
        }
        if (envelope == null) {
            throw notBotApi(name, response.status(), "an empty response (HTTP " + response.status() + ")");
        }
        if (envelope.ok) {
            if (envelope.result == null) {
                // Every Bot API method answers something (true at least); a null would reach a caller typed non-null.
                throw notBotApi(
                        name, response.status(), "an ok response without a result (HTTP " + response.status() + ")");
            }
            @SuppressWarnings("unchecked")
            R value = (R) envelope.result;
            return value;
        }
        int code = envelope.errorCode != null ? envelope.errorCode : response.status();
        String description = envelope.description != null ? redactor.redact(envelope.description) : "HTTP " + code;
        throw TelegramException.of(name, code, description, envelope.retryAfter, envelope.migrateToChatId);
    }

    private TelegramException notAnAnswer(String method, int httpCode, Exception e) {
        String what = "a response that is not a Bot API answer (HTTP " + httpCode + ")";
        log.warn("{}: {}: {}", method, what, redactor.redact(e.getMessage()));
        return notBotApi(method, httpCode, what);
    }

    /**
     * The failure for an HTTP answer without a Bot API body: a 5xx is a server failure whoever sent it; any other
     * status (a proxy's 404 page, say) is no statement of Telegram's about the token or the method.
     */
    private static TelegramException notBotApi(String method, int httpCode, String what) {
        return httpCode >= 500 && httpCode < 600
                ? new TelegramException.ServerError(method, httpCode, what)
                : new TelegramException.UnexpectedResponse(method, httpCode, what);
    }

    private TypeAdapter<Envelope<?>> envelopeAdapter(Type resultType) {
        if (resultType instanceof Class<?> type) {
            return CLASS_ENVELOPES.get(type);
        }
        return envelopes.computeIfAbsent(resultType, t -> new EnvelopeAdapter(gson.getAdapter(TypeToken.get(t))));
    }

    /** Envelope adapters of plain result classes, found without a map lookup (every client uses {@link Json}). */
    private static final ClassValue<TypeAdapter<Envelope<?>>> CLASS_ENVELOPES = new ClassValue<>() {
        @Override
        protected TypeAdapter<Envelope<?>> computeValue(Class<?> type) {
            return new EnvelopeAdapter(Json.gson().getAdapter(type));
        }
    };

    private TelegramException.Network network(String method, Transport.Failure e) {
        return new TelegramException.Network(
                method,
                redactor.redact(e.getMessage()),
                e.isTimeout(),
                e.mayHaveReachedServer(),
                Objects.requireNonNull(redactor.redact(e), "the copy of an exception"));
    }

    private TelegramException.Network network(String method, IOException e) {
        return network(method, new Transport.Failure("I/O failure: " + e, false, true, e));
    }

    /**
     * How long to wait before repeating after this failure, or null to give up: when the failure is not worth a
     * repeat, or when the repeat would start after the first attempt's time plus the policy's deadline.
     */
    private @Nullable Duration retryDelay(BotMethod<?> method, TelegramException e, Attempts attempts) {
        String name = method.methodName();
        Duration pause;
        if (e instanceof TelegramException.TooManyRequests) {
            long seconds = e.retryAfter() == null ? 1 : Math.max(0, e.retryAfter());
            Duration wait = Duration.ofSeconds(seconds);
            if (retry.maxFloodWait().isZero()) {
                // The caller waits out 429s itself (the engine pauses the one chat, not a thread).
                return null;
            }
            if (wait.compareTo(retry.maxFloodWait()) > 0) {
                log.warn(
                        "{}: flood control asks to wait {} s, longer than the {} s allowed; not repeated",
                        name,
                        seconds,
                        retry.maxFloodWait().toSeconds());
                return null;
            }
            pause = retry.withJitter(wait);
        } else {
            boolean unknownOutcome = e instanceof TelegramException.ServerError
                    || (e instanceof TelegramException.Network n && n.mayHaveBeenApplied());
            boolean repeatable = e instanceof TelegramException.ServerError || e instanceof TelegramException.Network;
            if (!repeatable || retry.deadline().isZero()) {
                return null;
            }
            if (unknownOutcome && !MethodKind.isIdempotent(name)) {
                log.warn("{}: {}; not repeated, since a send could arrive twice", name, e.description());
                return null;
            }
            pause = retry.withJitter(retry.backoff(attempts.network + 1));
        }
        Instant now = time.now();
        Instant first = attempts.first != null ? attempts.first : now;
        if (!now.plus(pause).isBefore(first.plus(retry.deadline()))) {
            if (!retry.deadline().isZero()) {
                log.warn(
                        "{}: gave up after {} repeats in {} (deadline {} s): {}",
                        name,
                        attempts.repeats,
                        seconds(Duration.between(first, now)),
                        retry.deadline().toSeconds(),
                        e.description());
            }
            return null;
        }
        if (!(e instanceof TelegramException.TooManyRequests)) {
            attempts.network++;
        }
        attempts.repeats++;
        // The first repeat of a call is worth a warning; the rest of a storm would only flood the log.
        if (attempts.repeats == 1) {
            log.warn(
                    "{}: {}; repeating in {} ms, for up to {} s",
                    name,
                    e.description(),
                    pause.toMillis(),
                    retry.deadline().toSeconds());
        } else {
            log.debug(
                    "{}: {}; repeating in {} ms (repeat {})",
                    name,
                    e.description(),
                    pause.toMillis(),
                    attempts.repeats);
        }
        return pause;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static final ClassValue<@Nullable MethodHandle> CHAT_ID_ACCESSOR = new ClassValue<>() {
        @Override
        protected @Nullable MethodHandle computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return null;
            }
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals("chatId") && c.getType() == ChatId.class) {
                    try {
                        return MethodHandles.publicLookup()
                                .findVirtual(type, "chatId", MethodType.methodType(ChatId.class));
                    } catch (ReflectiveOperationException e) {
                        return null;
                    }
                }
            }
            return null;
        }
    };

    /** The chat a call goes to, read from its {@code chat_id} parameter, for pacing. */
    private static @Nullable ChatId chatOf(BotMethod<?> method) {
        MethodHandle accessor = CHAT_ID_ACCESSOR.get(method.getClass());
        if (accessor == null) {
            return null;
        }
        try {
            return (ChatId) accessor.invoke(method);
        } catch (Throwable e) {
            return null;
        }
    }

    /** One call's attempts so far; used by one attempt at a time (async attempts follow each other). */
    private static final class Attempts {
        /** When the first attempt started (after pacing); the deadline counts from here. */
        @Nullable
        Instant first;

        int repeats;
        int network;
    }

    /** The Bot API's response object. */
    private static final class Envelope<R> {
        boolean ok;

        @Nullable
        R result;

        @Nullable
        Integer errorCode;

        @Nullable
        String description;

        @Nullable
        Long retryAfter;

        @Nullable
        Long migrateToChatId;
    }

    /**
     * Reads the response object with the result's own adapter, field by field as Gson's reflective adapter did (a
     * boolean or string may come as the other, unknown fields are skipped, the last of a repeated field wins); that
     * adapter's per-field bookkeeping was a quarter of the cost of reading a sent message's answer.
     */
    private static final class EnvelopeAdapter extends TypeAdapter<Envelope<?>> {
        private final TypeAdapter<?> result;

        EnvelopeAdapter(TypeAdapter<?> result) {
            this.result = result;
        }

        @Override
        public void write(com.google.gson.stream.JsonWriter out, Envelope<?> value) {
            throw new UnsupportedOperationException("a response is only read");
        }

        @Override
        public @Nullable Envelope<?> read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            Envelope<Object> envelope = new Envelope<>();
            in.beginObject();
            while (in.hasNext()) {
                switch (in.nextName()) {
                    case "ok" -> envelope.ok = Boolean.TRUE.equals(bool(in));
                    case "result" -> envelope.result = result.read(in);
                    case "error_code" -> envelope.errorCode = nullOr(in) ? null : in.nextInt();
                    case "description" -> envelope.description = text(in);
                    case "parameters" -> parameters(in, envelope);
                    default -> in.skipValue();
                }
            }
            in.endObject();
            return envelope;
        }

        private static void parameters(JsonReader in, Envelope<?> envelope) throws IOException {
            if (nullOr(in)) {
                return;
            }
            in.beginObject();
            while (in.hasNext()) {
                switch (in.nextName()) {
                    case "retry_after" -> envelope.retryAfter = nullOr(in) ? null : in.nextLong();
                    case "migrate_to_chat_id" -> envelope.migrateToChatId = nullOr(in) ? null : in.nextLong();
                    default -> in.skipValue();
                }
            }
            in.endObject();
        }

        /** Whether the value is a JSON null, which is then consumed. */
        private static boolean nullOr(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return true;
            }
            return false;
        }

        private static @Nullable Boolean bool(JsonReader in) throws IOException {
            if (nullOr(in)) {
                return null;
            }
            return in.peek() == JsonToken.STRING ? Boolean.parseBoolean(in.nextString()) : in.nextBoolean();
        }

        private static @Nullable String text(JsonReader in) throws IOException {
            if (nullOr(in)) {
                return null;
            }
            return in.peek() == JsonToken.BOOLEAN ? Boolean.toString(in.nextBoolean()) : in.nextString();
        }
    }

    /** Settings of a {@link TelegramClient}; all optional but the token. */
    public static final class Builder {
        /**
         * Whether OkHttp can run here: a bot that excluded it (README, "The transport") gets the JDK transport from
         * the same {@code create(token)}. The classes are looked up, not initialised; Okio and Kotlin are checked too,
         * as OkHttp fails without them.
         */
        private static final boolean OKHTTP_PRESENT =
                classesPresent("okhttp3.OkHttpClient", "okio.Buffer", "kotlin.Unit");

        private final String token;
        private String baseUrl = "https://" + PUBLIC_HOST;
        private boolean testEnvironment;
        private @Nullable OkHttpClient okHttpClient;
        private @Nullable Transport transport;
        private RetryPolicy retry = RetryPolicy.defaults();
        private Pacing pacing = Pacing.off();
        private TimeSource time = TimeSource.system();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(60);
        private BotEvents events = BotEvents.NONE;

        private Builder(String token) {
            Objects.requireNonNull(token, "token");
            if (!TOKEN_SHAPE.matcher(token).matches()) {
                // The message must not echo the value: it may be a real token with a typo.
                throw new IllegalArgumentException("the bot token does not look like <digits>:<letters>");
            }
            this.token = token;
        }

        /** The Bot API server, {@code https://api.telegram.org} by default; a local Bot API server's URL here. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** Talk to Telegram's test environment ({@code /bot<token>/test/METHOD}). */
        public Builder testEnvironment(boolean testEnvironment) {
            this.testEnvironment = testEnvironment;
            return this;
        }

        /**
         * Use this OkHttpClient (its interceptors, proxy, timeouts). The client derives its own with
         * {@code newBuilder().retryOnConnectionFailure(false)}, which shares this one's connection pool and
         * dispatcher, so OkHttp never silently re-sends a request and the {@link RetryPolicy} alone decides what is
         * repeated. The client will not close it.
         */
        public Builder okHttpClient(OkHttpClient okHttpClient) {
            this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
            return this;
        }

        /** How failed calls are repeated; {@link RetryPolicy#defaults()} unless set. */
        public Builder retryPolicy(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** Proactive pacing of sends; {@link Pacing#off()} unless set. */
        public Builder pacing(Pacing pacing) {
            this.pacing = Objects.requireNonNull(pacing, "pacing");
            return this;
        }

        /** The clock and sleeper for retries and pacing; a test passes a fake. */
        public Builder timeSource(TimeSource time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * HTTP timeouts of the OkHttp client this builder creates (ignored with {@link #okHttpClient} and
         * {@link #transport}); without OkHttp on the class path, the connect and read timeouts of the JDK transport
         * it creates instead.
         */
        public Builder timeouts(Duration connect, Duration read, Duration write) {
            this.connectTimeout = connect;
            this.readTimeout = read;
            this.writeTimeout = write;
            return this;
        }

        /**
         * Send requests over this transport instead of OkHttp; {@link Transport#jdk(Duration, Duration)} needs
         * neither OkHttp nor Kotlin. The client will not close it, and {@link #timeouts} do not apply to it.
         */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * Tells {@code listener} how each request went ({@link BotEvents#apiCall}, {@link BotEvents#rateLimited}), for
         * a client used on its own; a {@code DialogBot} given a listener with {@code DialogBot.Builder.events} hands
         * it to its client itself ({@link #withEvents}), so a bot's listener is set there, once. None unless set.
         *
         * @param listener the listener, or {@link BotEvents#NONE} for none
         * @return this builder
         */
        public Builder events(BotEvents listener) {
            this.events = GuardedEvents.of(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The client with these settings. */
        public TelegramClient build() {
            if (transport != null && okHttpClient != null) {
                throw new IllegalStateException("both a transport and an OkHttpClient were given; choose one");
            }
            Pacer pacer = new Pacer(pacing, time);
            if (transport != null) {
                return new TelegramClient(this, transport, false, pacer);
            }
            // Only here is OkHttp named, so a client on another transport never loads an OkHttp class.
            if (okHttpClient != null) {
                return new TelegramClient(this, OkHttpTransport.of(okHttpClient), false, pacer);
            }
            if (OKHTTP_PRESENT) {
                return new TelegramClient(
                        this, OkHttpTransport.create(connectTimeout, readTimeout, writeTimeout), true, pacer);
            }
            log.debug("OkHttp is not on the class path: the client uses the JDK's HttpClient");
            return new TelegramClient(this, Transport.jdk(connectTimeout, readTimeout), true, pacer);
        }

        private static boolean classesPresent(String... names) {
            ClassLoader loader = TelegramClient.class.getClassLoader();
            for (String name : names) {
                try {
                    Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    return false;
                }
            }
            return true;
        }
    }
}
