package dev.tgdialog.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pages listening for changes, over server-sent events: each change (a Bot API call, a user's message) sends a
 * {@code change} event with a counter, and the page reads its state again. Thread-safe.
 */
final class EventStream {
    /** How long a stream stays silent before a comment line checks that the page is still there. */
    private static final long HEARTBEAT_SECONDS = 15;

    /** Put in every queue on close: no event is empty. */
    private static final String CLOSE = "";

    private final Set<BlockingQueue<String>> listeners = ConcurrentHashMap.newKeySet();
    private final AtomicLong changes = new AtomicLong();
    private volatile boolean closed;

    void changed() {
        String event = "event: change\ndata: " + changes.incrementAndGet() + "\n\n";
        listeners.forEach(q -> q.offer(event));
    }

    /** Serves one page's stream on the calling (server) thread until the page goes or the emulator closes. */
    void serve(HttpExchange exchange) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        listeners.add(queue);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            // The first event tells the page the stream is open, so it reads the state it may have missed.
            write(out, "retry: 1000\nevent: change\ndata: " + changes.get() + "\n\n");
            while (!closed) {
                String event = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                if (event != null && event.isEmpty()) {
                    break;
                }
                write(out, event == null ? ": still here\n\n" : event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            // The page was closed or reloaded: nothing to do but forget it.
        } finally {
            listeners.remove(queue);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void close() {
        closed = true;
        listeners.forEach(q -> q.offer(CLOSE));
    }
}
