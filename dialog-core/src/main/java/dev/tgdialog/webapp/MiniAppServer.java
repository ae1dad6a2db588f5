package dev.tgdialog.webapp;

import com.sun.net.httpserver.HttpExchange;
import dev.tgdialog.auth.InitData;
import dev.tgdialog.auth.InitDataValidator;
import dev.tgdialog.auth.InvalidAuthDataException;
import dev.tgdialog.internal.http.LocalServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Mini App's backend on the JDK's HTTP server (as the webhook server is): the app's static files from a folder
 * ({@code GET}), and JSON endpoints ({@code POST}) whose caller sends the Mini App's {@code initData} in the header
 * {@code Authorization: tma <initData>}. A request without valid {@code initData} is answered 401 with the failed
 * check, and its handler never runs; with it, the handler gets the verified {@link InitData} and the body. Bodies over
 * 64 KiB are refused (413), a path that leaves the folder is not found (404), a failing handler answers 500 (logged).
 * Run it behind HTTPS in production: Telegram opens Mini Apps over {@code https} only.
 */
public final class MiniAppServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MiniAppServer.class);
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "jpg", "image/jpeg",
            "webp", "image/webp");

    private final InitDataValidator validator;
    private final @Nullable Path root;
    private final Map<String, MiniAppHandler> endpoints;
    private final InetSocketAddress address;
    private @Nullable LocalServer server;

    private MiniAppServer(Builder b) {
        this.validator = b.validator;
        this.root = b.root == null ? null : b.root.toAbsolutePath().normalize();
        this.endpoints = Map.copyOf(b.endpoints);
        this.address = b.address;
    }

    /** Starts configuring a server whose endpoints accept callers {@code validator} verifies. */
    public static Builder builder(InitDataValidator validator) {
        return new Builder(validator);
    }

    /** Binds the port and starts answering. */
    public synchronized MiniAppServer start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("the Mini App server was already started");
        }
        server = LocalServer.start(address, 4, "tgdialog-miniapp", "/", this::exchange);
        log.info("Mini App server listening on port {}", port());
        return this;
    }

    /** The port the server listens on (the real one when it was asked for port 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the Mini App server is not started");
        }
        return server.port();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private void exchange(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getPath();
            MiniAppHandler endpoint = endpoints.get(path);
            if (endpoint != null) {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    respond(exchange, 405, "text/plain", new byte[0]);
                    return;
                }
                call(exchange, endpoint);
            } else if ("GET".equals(exchange.getRequestMethod()) && root != null) {
                serveFile(exchange, path);
            } else {
                respond(exchange, 404, "text/plain", new byte[0]);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Mini App request failed: {}", e.toString());
            respond(exchange, 500, "text/plain", new byte[0]);
        }
    }

    private void call(HttpExchange exchange, MiniAppHandler endpoint) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        InitData caller;
        try {
            if (authorization == null || !authorization.startsWith("tma ")) {
                respond(
                        exchange,
                        401,
                        "application/json",
                        json("no initData: send the header Authorization: tma <initData>"));
                return;
            }
            caller = validator.validate(authorization.substring(4));
        } catch (InvalidAuthDataException e) {
            respond(exchange, 401, "application/json", json("initData refused: " + e.reason()));
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            respond(exchange, 413, "application/json", json("the body is over " + MAX_BODY_BYTES + " bytes"));
            return;
        }
        String answer;
        try {
            answer = endpoint.handle(caller, new String(body, StandardCharsets.UTF_8));
        } catch (Exception e) {
            log.error("Mini App endpoint {} failed", exchange.getRequestURI().getPath(), e);
            respond(exchange, 500, "application/json", json("the server failed"));
            return;
        }
        respond(exchange, 200, "application/json", answer.getBytes(StandardCharsets.UTF_8));
    }

    private void serveFile(HttpExchange exchange, String path) throws IOException {
        Path folder = Objects.requireNonNull(root);
        Path file = folder.resolve(path.equals("/") ? "index.html" : path.substring(1))
                .normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            respond(exchange, 404, "text/plain", new byte[0]);
            return;
        }
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        respond(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"), Files.readAllBytes(file));
    }

    private static byte[] json(String error) {
        return ("{\"error\":\"" + error.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) {
        try {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            log.debug("Could not answer a Mini App request: {}", e.toString());
        } finally {
            exchange.close();
        }
    }

    /** Settings of a {@link MiniAppServer}. */
    public static final class Builder {
        private final InitDataValidator validator;
        private @Nullable Path root;
        private final Map<String, MiniAppHandler> endpoints = new LinkedHashMap<>();
        private InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);

        private Builder(InitDataValidator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
        }

        /** Serves the files of {@code folder} ({@code index.html} for {@code /}); none by default. */
        public Builder staticFiles(Path folder) {
            this.root = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /** Answers {@code POST path} with {@code handler}, for callers with valid {@code initData}. */
        public Builder endpoint(String path, MiniAppHandler handler) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("an endpoint path starts with /, was \"" + path + "\"");
            }
            endpoints.put(path, Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /** Listens on this address (loopback, a free port, by default). */
        public Builder address(InetSocketAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        public MiniAppServer build() {
            return new MiniAppServer(this);
        }
    }
}
