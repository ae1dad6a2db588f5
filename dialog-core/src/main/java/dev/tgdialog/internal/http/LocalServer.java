package dev.tgdialog.internal.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK HTTP server on a pool of daemon threads of its own, as the webhook and Mini App servers run one: started
 * bound, stopped with its threads. Thread-safe.
 */
public final class LocalServer {
    private final HttpServer server;
    private final ExecutorService executor;

    private LocalServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds {@code address} and answers {@code path} and below with {@code handler} on {@code threads} threads. */
    public static LocalServer start(
            InetSocketAddress address, int threads, String threadName, String path, HttpHandler handler)
            throws IOException {
        HttpServer http = HttpServer.create(address, 0);
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext(path, handler);
        http.start();
        return new LocalServer(http, executor);
    }

    /** The port bound (the real one when port 0 was asked for). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops answering; requests being handled get up to a second to finish. */
    public void stop() {
        server.stop(1);
        executor.shutdown();
    }
}
