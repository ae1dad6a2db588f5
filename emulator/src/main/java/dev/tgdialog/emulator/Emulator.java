package dev.tgdialog.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.tgdialog.DialogBot;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeTime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Telegram chat in the browser for any {@link DialogBot}: an HTTP server on loopback serving one chat page, with the
 * bot running the production pipeline against the {@link dev.tgdialog.testing.FakeTelegram} of a {@link BotHarness},
 * as in a test. The page switches between the configured users and chats (each user's private chat and the groups all
 * of them are in), shows the Bot API calls the bot made and the current user's dialog stack, and receives the bot's
 * later messages as server-sent events.
 *
 * <pre>{@code
 * Emulator emulator = Emulator.builder(bot -> bot.dialogs(ORDER).command("start", ...))
 *     .user(1001, "Ann").user(1002, "Bob").group(-100_1001, "Pizza party")
 *     .build();
 * URI page = emulator.start();   // http://127.0.0.1:<port>/
 * }</pre>
 *
 * Thread-safe.
 */
public final class Emulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Emulator.class);

    /** The port {@link Builder#port} binds unless told otherwise: any free one. */
    public static final int ANY_PORT = 0;

    private final InetSocketAddress bind;
    private final BotHarness harness;
    private final Chats chats;
    private final Transcript transcript = new Transcript();
    private final EventStream events = new EventStream();
    private final StackStore store;
    private final Map<String, Api.Page> pages;
    private @Nullable HttpServer server;
    private java.util.concurrent.@Nullable ExecutorService serverThreads;
    private @Nullable URI address;
    private boolean closed;

    private Emulator(Builder b) {
        this.bind = new InetSocketAddress(b.host, b.port);
        this.chats = new Chats(b.users, b.groups);
        this.pages = Map.copyOf(b.pages);
        this.store = StackStore.inMemory(Duration.ofDays(1));
        FakeTime time = b.time != null ? b.time : new FakeTime(Instant.now());
        this.harness = BotHarness.builder(b.bot)
                .store(store)
                .time(time)
                .onUpdate(update -> {
                    if (transcript.record(update, chatId -> harness().telegram().nextMessageId(chatId))) {
                        events.changed();
                    }
                })
                .build();
        harness.telegram().onCall(call -> events.changed());
    }

    /** Starts configuring an emulator for the bot {@code bot} configures, as {@link BotHarness#of} takes it. */
    public static Builder builder(Consumer<DialogBot.Builder> bot) {
        return new Builder(bot);
    }

    /**
     * Binds the server and serves the page; returns its address ({@code http://127.0.0.1:<port>/}).
     *
     * @throws IOException when the port cannot be bound (it is taken)
     */
    public synchronized URI start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("the emulator was already started");
        }
        if (closed) {
            throw new IllegalStateException("the emulator was closed");
        }
        Api api = new Api(
                harness, chats, transcript, events, store, bind.getAddress().isLoopbackAddress(), pages);
        // The JDK's server, as the webhook's: the page, its API and its event stream on a few daemon threads.
        HttpServer started = HttpServer.create(bind, 0);
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        serverThreads = java.util.concurrent.Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "tgdialog-emulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        started.setExecutor(serverThreads);
        started.createContext("/", api);
        started.start();
        server = started;
        String host = bind.getAddress().isAnyLocalAddress()
                ? "127.0.0.1"
                : bind.getAddress().getHostAddress();
        URI uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + started.getAddress().getPort() + "/");
        address = uri;
        log.info("Emulator serving {}", uri);
        return uri;
    }

    /** The page's address, once {@link #start() started}. */
    public synchronized URI address() {
        if (address == null) {
            throw new IllegalStateException("the emulator is not started");
        }
        return address;
    }

    /**
     * The harness the bot runs in: a console or a test can talk to the same bot through it
     * ({@code harness().user(id, name)}), and the page shows what it does.
     */
    public BotHarness harness() {
        return harness;
    }

    /** Ends the event streams and stops the server; the bot's state is dropped with the emulator. */
    @Override
    public synchronized void close() {
        closed = true;
        events.close();
        if (server != null) {
            // Requests being answered get up to a second; an open event stream is ended above.
            server.stop(1);
            server = null;
        }
        if (serverThreads != null) {
            serverThreads.shutdown();
            serverThreads = null;
        }
    }

    /** Settings of an {@link Emulator}: the port, the users and the group chats. Not thread-safe. */
    public static final class Builder {
        private final Consumer<DialogBot.Builder> bot;
        private InetAddress host = InetAddress.getLoopbackAddress();
        private int port = ANY_PORT;
        private final Map<Long, String> users = new LinkedHashMap<>();
        private final Map<Long, String> groups = new LinkedHashMap<>();
        private @Nullable FakeTime time;
        private final Map<String, Api.Page> pages = new LinkedHashMap<>();

        private Builder(Consumer<DialogBot.Builder> bot) {
            this.bot = Objects.requireNonNull(bot, "bot");
        }

        /** Listens on this port ({@value #ANY_PORT}, the default: any free one). */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("a port is 0 to 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Listens on this address instead of the loopback one. The page drives the bot without any login: bind
         * another address only on a network you trust.
         */
        public Builder host(InetAddress host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * Adds a user (a positive id) the page can be, talking to the bot in a private chat of the same id; without
         * any, the page has Ann (1001) and Bob (1002).
         */
        public Builder user(long id, String name) {
            if (id <= 0) {
                throw new IllegalArgumentException("a user id is positive, not " + id);
            }
            put(users, id, name, "user");
            return this;
        }

        /**
         * Adds a group chat (a supergroup: a negative id) every user is in; without any, the page has one, "Group
         * chat" (-1001).
         */
        public Builder group(long chatId, String title) {
            if (chatId >= 0) {
                throw new IllegalArgumentException("a group chat id is negative, not " + chatId);
            }
            put(groups, chatId, title, "group");
            return this;
        }

        /**
         * Also answers {@code GET path} with the text {@code body} supplies at the time of each request, as
         * {@code contentType} (UTF-8): a page of one's own on the emulator's port, such as a metrics scrape at
         * {@code /metrics}. It is served like the chat page (loopback {@code Host} names only, unless {@link #host}
         * binds another address).
         *
         * @param path the path, starting with {@code /}; not one of the emulator's own ({@code /}, its files and
         *     {@code /api/...})
         * @param contentType the media type without a charset, such as {@code text/plain}
         * @param body the page's text, asked for on each request (on a thread of the server)
         * @return this builder
         */
        public Builder get(String path, String contentType, Supplier<String> body) {
            if (!path.startsWith("/") || Api.isOwn(path)) {
                throw new IllegalArgumentException("a page's path starts with / and is none of the emulator's own (/,"
                        + " its files, /api/...), not " + path);
            }
            if (pages.putIfAbsent(
                            path,
                            new Api.Page(
                                    Objects.requireNonNull(contentType, "contentType"),
                                    Objects.requireNonNull(body, "body")))
                    != null) {
                throw new IllegalArgumentException("the page " + path + " was added twice");
            }
            return this;
        }

        /** Runs the bot on this time instead of a {@link FakeTime} that starts now and stands still. */
        public Builder time(FakeTime time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        private static void put(Map<Long, String> into, long id, String name, String what) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("the " + what + " " + id + " needs a name");
            }
            if (into.putIfAbsent(id, name.strip()) != null) {
                throw new IllegalArgumentException("the " + what + " " + id + " was added twice");
            }
        }

        /** The emulator, with its bot built (a definition mistake fails here); {@link Emulator#start} serves it. */
        public Emulator build() {
            if (users.isEmpty()) {
                users.put(1001L, "Ann");
                users.put(1002L, "Bob");
            }
            if (groups.isEmpty()) {
                groups.put(-1001L, "Group chat");
            }
            return new Emulator(this);
        }
    }
}
