package dev.tgdialog.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tgdialog.telegram.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A {@link FakeTelegram} served over real HTTP on loopback by the JDK's own server ({@link FakeTelegram#serve()}),
 * so a client on any {@link Transport} talks to the fake over the wire. Thread-safe; close it when done.
 */
public final class LoopbackServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads;

    private LoopbackServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static LoopbackServer start(Transport fake) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a loopback port for the fake Bot API", e);
        }
        ExecutorService threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-telegram-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> answer(fake, exchange));
        server.start();
        return new LoopbackServer(server, threads);
    }

    private static void answer(Transport fake, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI url = URI.create("http://localhost" + exchange.getRequestURI());
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            Transport.Request request = exchange.getRequestMethod().equals("GET")
                    ? Transport.Request.get(url)
                    : Transport.Request.post(url, type == null ? "application/json" : type, body);
            Transport.Response response = fake.send(request);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.status(), response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    /** The base URL to give a client: {@code TelegramClient.builder(FakeTelegram.TOKEN).baseUrl(...)}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    /** Stops serving at once and releases the port. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdown();
    }
}
