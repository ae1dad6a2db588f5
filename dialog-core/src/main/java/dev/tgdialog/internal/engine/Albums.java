package dev.tgdialog.internal.engine;

import dev.tgdialog.TimeSource;
import dev.tgdialog.internal.Failures;
import dev.tgdialog.store.StackStoreException;
import dev.tgdialog.telegram.types.Update;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the parts of an album a user sends, which Telegram delivers as one update each, into one list handled
 * once: when no part came for the wait, or at the tenth part. Each part is acknowledged as it is gathered, so that
 * a poller fetches the next parts meanwhile; an album that then fails for want of the stack store is tried again
 * with backoff for about a minute (Telegram would not deliver its parts again). Thread-safe.
 */
final class Albums {
    private static final Logger log = LoggerFactory.getLogger(Albums.class);
    /** Telegram's most items in an album. */
    private static final int MOST = 10;
    /** Tries after a store failure: 1, 2, 4, ... 32 s apart. */
    private static final int RETRIES = 6;

    private final TimeSource time;
    private final Duration wait;
    private final Function<List<Update>, CompletableFuture<?>> handler;
    private final Map<String, Pending> pending = new HashMap<>();

    /** The parts of one album gathered so far. */
    private static final class Pending {
        final List<Update> parts = new ArrayList<>();
    }

    /** @param handler handles one whole album, its parts in the order they came */
    Albums(TimeSource time, Duration wait, Function<List<Update>, CompletableFuture<?>> handler) {
        this.time = time;
        this.wait = wait;
        this.handler = handler;
    }

    /** Gathers a part of the album {@code groupId} of this chat; done at once (the part is acknowledged). */
    CompletableFuture<Void> add(long chatId, String groupId, Update part) {
        String key = chatId + ":" + groupId;
        int size;
        synchronized (pending) {
            Pending album = pending.computeIfAbsent(key, k -> new Pending());
            album.parts.add(part);
            size = album.parts.size();
        }
        if (size >= MOST) {
            flush(key, size);
        } else {
            time.delay(wait).thenRun(() -> flush(key, size));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Hands the album on, unless a later part came (its own wait decides) or it went already. */
    private void flush(String key, int size) {
        List<Update> parts;
        synchronized (pending) {
            Pending album = pending.get(key);
            if (album == null || album.parts.size() != size) {
                return;
            }
            pending.remove(key);
            parts = new ArrayList<>(album.parts);
        }
        // A webhook may deliver the parts out of order; the album's order is that of its updates.
        parts.sort(java.util.Comparator.comparingLong(Update::updateId));
        handle(List.copyOf(parts), 0);
    }

    private void handle(List<Update> parts, int attempt) {
        CompletableFuture<?> handled;
        try {
            handled = handler.apply(parts);
        } catch (RuntimeException e) {
            handled = CompletableFuture.failedFuture(e);
        }
        handled.whenComplete((done, error) -> {
            Throwable cause = Failures.cause(error);
            if (cause == null) {
                return;
            }
            long first = parts.get(0).updateId();
            if (cause instanceof StackStoreException && attempt < RETRIES) {
                Duration pause = Duration.ofSeconds(1L << attempt);
                log.debug("Album of update {} waits for the stack store; tried again in {} s", first, pause);
                time.delay(pause).thenRun(() -> handle(parts, attempt + 1));
                return;
            }
            log.warn(
                    "Album of {} parts (updates {}-{}) was not handled: {}",
                    parts.size(),
                    first,
                    parts.get(parts.size() - 1).updateId(),
                    cause.toString());
        });
    }
}
