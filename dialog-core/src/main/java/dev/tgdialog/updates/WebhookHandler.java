package dev.tgdialog.updates;

import com.google.gson.JsonParseException;
import dev.tgdialog.internal.Failures;
import dev.tgdialog.internal.json.Json;
import dev.tgdialog.store.StackStoreException;
import dev.tgdialog.telegram.types.Update;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook's logic without an HTTP server: a function from a request's headers and body to the HTTP status to
 * answer, so any server (Jetty, Netty, a servlet, Spring) can host the bot; {@link WebhookServer} hosts it on the
 * JDK's own server.
 *
 * <p>The {@code X-Telegram-Bot-Api-Secret-Token} header is compared in constant time (401 on mismatch). The status
 * is 200 only after the {@link UpdateHandler} has finished the update, so Telegram delivers it again on failure
 * (500); a handler that returns null has done its work (200), one that throws anything, {@link Error}s included,
 * gets 500 and one ERROR line. At most {@code maxInFlight} updates are handled at once; past that the answer is
 * 503 and Telegram retries later. A body that is not an update gets 400. Thread-safe.
 */
public final class WebhookHandler {
    /** The header Telegram puts the secret token in. */
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);
    private static final Pattern SECRET_SHAPE =
            Pattern.compile("[A-Za-z0-9_-]{1," + dev.tgdialog.telegram.Limits.WEBHOOK_SECRET_TOKEN + "}");

    private final byte[] secret;
    private final UpdateHandler handler;
    private final Semaphore inFlight;

    /**
     * @param secretToken the secret given to {@code setWebhook}: 1-256 of {@code A-Z a-z 0-9 _ -}
     * @param handler where updates go
     * @param maxInFlight how many updates may be handled at once
     */
    public WebhookHandler(String secretToken, UpdateHandler handler, int maxInFlight) {
        Objects.requireNonNull(secretToken, "secretToken");
        if (!SECRET_SHAPE.matcher(secretToken).matches()) {
            throw new IllegalArgumentException("a webhook secret token is 1-"
                    + dev.tgdialog.telegram.Limits.WEBHOOK_SECRET_TOKEN + " characters of A-Z, a-z, 0-9, _ and -");
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        this.secret = secretToken.getBytes(StandardCharsets.UTF_8);
        this.handler = Objects.requireNonNull(handler, "handler");
        this.inFlight = new Semaphore(maxInFlight);
    }

    /**
     * Handles one webhook request and completes with the status to answer: 200 (handled), 400 (not an update), 401
     * (wrong secret), 500 (the handler failed), 503 (too busy or the handler refused the update). The in-flight slot
     * an update takes is given back on every path.
     *
     * @param headers looks a request header up by name (case-insensitively, as HTTP headers are)
     * @param body the request body
     */
    public CompletionStage<Integer> handle(Function<String, @Nullable String> headers, byte[] body) {
        if (refusesSecret(headers)) {
            return CompletableFuture.completedFuture(401);
        }
        Update update;
        try {
            update = Json.fromUtf8(body, Update.class);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            log.warn("Webhook request whose body is not an update refused (400): {}", e.getMessage());
            return CompletableFuture.completedFuture(400);
        }
        if (update == null) {
            log.warn("Webhook request with an empty body refused (400)");
            return CompletableFuture.completedFuture(400);
        }
        if (!inFlight.tryAcquire()) {
            log.warn("Webhook busy: update {} refused (503); Telegram will deliver it again", update.updateId());
            return CompletableFuture.completedFuture(503);
        }
        // From here the slot is given back exactly once, whatever the handler does: returns null, throws an Error,
        // or completes its stage in any way.
        Slot slot = new Slot();
        CompletionStage<?> stage;
        try {
            stage = handler.handle(update);
        } catch (RejectedExecutionException e) {
            slot.release();
            log.warn("Update {} refused by the handler (503): {}", update.updateId(), e.getMessage());
            return CompletableFuture.completedFuture(503);
        } catch (Throwable e) {
            slot.release();
            log.error("Update {} failed in the handler (500)", update.updateId(), e);
            return CompletableFuture.completedFuture(500);
        }
        if (stage == null) {
            // As long polling takes it: the handler did its work before returning.
            slot.release();
            return CompletableFuture.completedFuture(200);
        }
        try {
            return stage.handle((result, error) -> {
                slot.release();
                return error == null ? 200 : failed(update, error);
            });
        } catch (Throwable e) {
            slot.release();
            log.error("Update {} failed in the handler (500)", update.updateId(), e);
            return CompletableFuture.completedFuture(500);
        }
    }

    /**
     * Whether the request lacks the right secret header (and so gets 401); compared in constant time, the refusal
     * logged. A server checks this before reading the body, so a stranger cannot make it read (or wait for) a large
     * one; {@link #handle} checks it again.
     *
     * @param headers looks a request header up by name (case-insensitively, as HTTP headers are)
     */
    public boolean refusesSecret(Function<String, @Nullable String> headers) {
        String given = headers.apply(SECRET_HEADER);
        if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            log.warn("Webhook request with a missing or wrong secret token refused (401)");
            return true;
        }
        return false;
    }

    private static int failed(Update update, Throwable error) {
        Throwable cause = Objects.requireNonNull(Failures.cause(error), "the cause of a failure");
        if (cause instanceof RejectedExecutionException) {
            log.warn("Update {} refused by the handler (503): {}", update.updateId(), cause.getMessage());
            return 503;
        }
        if (cause instanceof Error) {
            log.error("Update {} failed in the handler (500)", update.updateId(), cause);
            return 500;
        }
        if (cause instanceof StackStoreException) {
            // The engine logs a store outage once; one line per update would flood the log while it lasts.
            log.debug(
                    "Update {} failed (500); Telegram will deliver it again: {}", update.updateId(), cause.toString());
        } else {
            log.warn("Update {} failed (500); Telegram will deliver it again: {}", update.updateId(), cause.toString());
        }
        return 500;
    }

    /** One in-flight slot, released at most once even if two paths reach the release. */
    private final class Slot {
        private final AtomicBoolean released = new AtomicBoolean();

        void release() {
            if (released.compareAndSet(false, true)) {
                inFlight.release();
            }
        }
    }
}
