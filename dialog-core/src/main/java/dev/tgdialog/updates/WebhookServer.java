package dev.tgdialog.updates;

import com.sun.net.httpserver.HttpExchange;
import dev.tgdialog.internal.http.LocalServer;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.methods.DeleteWebhook;
import dev.tgdialog.telegram.methods.SetWebhook;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives updates as webhook calls on the JDK's built-in HTTP server and hands them to an {@link UpdateHandler}
 * through a {@link WebhookHandler}. Put it behind a TLS-terminating proxy: Telegram calls only HTTPS URLs on ports
 * 443, 80, 88 or 8443.
 *
 * <pre>{@code
 * WebhookServer server = WebhookServer.builder(handler).port(8080).build().start();
 * server.register(telegram, "https://bot.example.com" + server.path());
 * }</pre>
 */
public final class WebhookServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final InetSocketAddress address;
    private final String path;
    private final String secretToken;
    private final WebhookHandler webhook;
    private final int threads;
    private @Nullable LocalServer server;

    private WebhookServer(Builder b) {
        this.address = b.address;
        this.path = b.path;
        this.secretToken = b.secretToken != null ? b.secretToken : randomSecret();
        this.webhook = new WebhookHandler(secretToken, b.handler, b.maxInFlight);
        this.threads = b.threads;
    }

    /** Starts configuring a webhook server for this handler. */
    public static Builder builder(UpdateHandler handler) {
        return new Builder(handler);
    }

    /** Binds the port and starts answering. */
    public synchronized WebhookServer start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("the webhook server was already started");
        }
        server = LocalServer.start(address, threads, "tgdialog-webhook", path, this::exchange);
        log.info("Webhook server listening on port {} at {}", port(), path);
        return this;
    }

    /** The port the server listens on (the real one when it was asked for port 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the webhook server is not started");
        }
        return server.port();
    }

    /** The path webhook calls are taken at. */
    public String path() {
        return path;
    }

    /** The secret token this server expects, to give to {@code setWebhook}. */
    public String secretToken() {
        return secretToken;
    }

    /** Tells Telegram to send this bot's updates to {@code publicUrl}, with this server's secret token. */
    public void register(TelegramClient client, String publicUrl, List<String> allowedUpdates) {
        client.execute(SetWebhook.builder(publicUrl)
                .secretToken(secretToken)
                .allowedUpdates(List.copyOf(allowedUpdates))
                .build());
        log.info("Webhook registered with Telegram");
    }

    /** {@link #register(TelegramClient, String, List)} with {@link UpdateKinds#defaults()}. */
    public void register(TelegramClient client, String publicUrl) {
        register(client, publicUrl, UpdateKinds.defaults());
    }

    /** Tells Telegram to stop calling the webhook (for example before switching to long polling). */
    public static void unregister(TelegramClient client) {
        client.execute(DeleteWebhook.of());
    }

    /** Stops answering; requests being handled get up to a second to finish. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private void exchange(HttpExchange exchange) {
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405);
                return;
            }
            if (webhook.refusesSecret(exchange.getRequestHeaders()::getFirst)) {
                // Answered without reading the body: a stranger's Content-Length must not hold a thread.
                respond(exchange, 401);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                log.warn("Webhook request over {} bytes refused (413)", MAX_BODY_BYTES);
                respond(exchange, 413);
                return;
            }
            webhook.handle(exchange.getRequestHeaders()::getFirst, body)
                    .whenComplete((status, error) -> respond(exchange, error == null ? status : 500));
        } catch (IOException | RuntimeException e) {
            log.warn("Webhook request failed: {}", e.toString());
            respond(exchange, 500);
        }
    }

    private static void respond(HttpExchange exchange, int status) {
        try {
            if (status == 503) {
                exchange.getResponseHeaders().set("Retry-After", "1");
            }
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException e) {
            log.debug("Could not answer a webhook request: {}", e.toString());
        } finally {
            exchange.close();
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Settings of a {@link WebhookServer}. */
    public static final class Builder {
        private final UpdateHandler handler;
        private InetSocketAddress address = new InetSocketAddress(8080);
        private String path = "/telegram/webhook";
        private @Nullable String secretToken;
        private int maxInFlight = 256;
        private int threads = 4;

        private Builder(UpdateHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        /** Listen on all interfaces at this port; 8080 by default, 0 for any free port. */
        public Builder port(int port) {
            this.address = new InetSocketAddress(port);
            return this;
        }

        /** Listen on this address. */
        public Builder address(InetSocketAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The path Telegram calls; {@code /telegram/webhook} by default. */
        public Builder path(String path) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("the webhook path must start with /");
            }
            this.path = path;
            return this;
        }

        /** The secret token; a random one is made when none is given. */
        public Builder secretToken(String secretToken) {
            this.secretToken = Objects.requireNonNull(secretToken, "secretToken");
            return this;
        }

        /** How many updates may be in the handler at once before new ones get 503; 256 by default. */
        public Builder maxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
            return this;
        }

        /** Threads that read requests (handling happens in the {@link UpdateHandler}); 4 by default. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** The server with these settings, not yet started. */
        public WebhookServer build() {
            return new WebhookServer(this);
        }
    }
}
