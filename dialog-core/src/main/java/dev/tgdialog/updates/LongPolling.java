package dev.tgdialog.updates;

import dev.tgdialog.TimeSource;
import dev.tgdialog.internal.Failures;
import dev.tgdialog.internal.http.Backoff;
import dev.tgdialog.store.StackStoreException;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.TelegramException;
import dev.tgdialog.telegram.methods.GetUpdates;
import dev.tgdialog.telegram.types.Update;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives updates with {@code getUpdates} long polling and hands them to an {@link UpdateHandler}, at least once.
 *
 * <p>An update is confirmed to Telegram (by the {@code offset} of the next call) only after the handler has
 * finished it, so a crash, a failing handler or a stop in the middle of a batch loses nothing: the next poll asks
 * again from the first unfinished update. An update that fails {@code maxAttempts} times in a row is skipped with
 * an error, so one poisonous update cannot stall the bot. Telegram's own answers that polling cannot go on — 401
 * or a Bot API 404 (bad token), 409 (another poller or a webhook) — stop polling with one clear error instead of a
 * loop; network failures, 5xx and answers that are not Telegram's (a proxy's HTML 404 page) back off
 * exponentially. An empty batch that comes back much sooner than the poll timeout (a server that ignores it) is
 * followed by a pause of {@link Builder#minPollGap(Duration)}, so such a server is not polled in a tight loop.
 *
 * <p>One poller runs one background thread. Thread-safe.
 */
public final class LongPolling implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LongPolling.class);

    private final TelegramClient client;
    private final UpdateHandler handler;
    private final Duration pollTimeout;
    private final int limit;
    private final List<String> allowedUpdates;
    private final TimeSource time;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int maxAttempts;
    private final Duration drainTimeout;
    private final Duration minPollGap;
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final CompletableFuture<Void> stopping = new CompletableFuture<>();
    private final Map<Long, Integer> failures = new HashMap<>();
    /** Failures of an update because the stack store was down, which never count against {@code maxAttempts}. */
    private final Map<Long, Integer> storeFailures = new HashMap<>();

    private volatile boolean running;
    private volatile @Nullable CompletableFuture<List<Update>> poll;
    private volatile @Nullable Thread thread;
    private @Nullable Long offset;

    private LongPolling(Builder b) {
        this.pollTimeout = b.pollTimeout;
        // The HTTP read timeout must outlast the long poll, or every quiet poll would end as a "timeout".
        this.client = b.client.withReadTimeout(b.pollTimeout.plusSeconds(15));
        this.handler = b.handler;
        this.limit = b.limit;
        this.allowedUpdates = b.allowedUpdates;
        this.time = b.time;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxAttempts = b.maxAttempts;
        this.drainTimeout = b.drainTimeout;
        this.minPollGap = b.minPollGap;
        this.offset = b.initialOffset;
    }

    /** Starts configuring a poller that feeds this handler from this client. */
    public static Builder builder(TelegramClient client, UpdateHandler handler) {
        return new Builder(client, handler);
    }

    /** Starts polling on a background thread. */
    public synchronized LongPolling start() {
        if (thread != null) {
            throw new IllegalStateException("long polling was already started");
        }
        running = true;
        Thread t = new Thread(this::run, "tgdialog-long-polling");
        t.setDaemon(true);
        thread = t;
        t.start();
        log.info("Long polling started (timeout {} s, allowed updates {})", pollTimeout.toSeconds(), allowedUpdates);
        return this;
    }

    /**
     * Stops polling: the poll in flight is cancelled, the batch being handled gets up to the drain timeout to
     * finish, and what finished is confirmed to Telegram. Returns when the polling thread has ended.
     */
    public void stop() {
        running = false;
        stopping.complete(null);
        CompletableFuture<List<Update>> current = poll;
        if (current != null) {
            current.cancel(true);
        }
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(drainTimeout.plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Completes when polling has ended: normally after {@link #stop()}, exceptionally with the
     * {@link TelegramException} that ended it (401 Unauthorized, 409 Conflict).
     */
    public CompletableFuture<Void> terminated() {
        return terminated;
    }

    /** The offset the next {@code getUpdates} will send: one past the last update fully handled. */
    public synchronized @Nullable Long offset() {
        return offset;
    }

    private void run() {
        int networkFailures = 0;
        try {
            while (running) {
                List<Update> batch;
                Instant polled = time.now();
                try {
                    batch = pollOnce();
                    networkFailures = 0;
                } catch (CancellationException e) {
                    break;
                } catch (TelegramException e) {
                    if (isFatal(e)) {
                        log.error("Long polling stopped: {}. {}", e.getMessage(), advice(e));
                        running = false;
                        terminated.completeExceptionally(e);
                        return;
                    }
                    networkFailures++;
                    Duration pause = backoff(networkFailures);
                    log.warn("getUpdates failed ({}); polling again in {} ms", e.getMessage(), pause.toMillis());
                    pause(pause);
                    continue;
                }
                if (!batch.isEmpty()) {
                    handleBatch(batch);
                } else if (answeredTooSoon(polled)) {
                    pause(minPollGap);
                }
            }
            confirm();
            log.info("Long polling stopped");
            terminated.complete(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            terminated.complete(null);
        } catch (RuntimeException | Error e) {
            log.error("Long polling failed", e);
            terminated.completeExceptionally(e);
        }
    }

    private List<Update> pollOnce() throws InterruptedException {
        GetUpdates request = GetUpdates.builder()
                .offset(offset())
                .limit((long) limit)
                .timeout(pollTimeout.toSeconds())
                .allowedUpdates(allowedUpdates)
                .build();
        CompletableFuture<List<Update>> current = client.executeAsync(request);
        poll = current;
        if (!running) {
            current.cancel(true);
        }
        try {
            return current.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TelegramException te) {
                throw te;
            }
            throw new IllegalStateException("getUpdates failed", e.getCause());
        } finally {
            poll = null;
        }
    }

    private void handleBatch(List<Update> batch) throws InterruptedException {
        List<Update> ordered = new ArrayList<>(batch);
        ordered.sort(Comparator.comparingLong(Update::updateId));
        List<CompletableFuture<?>> stages = new ArrayList<>(ordered.size());
        for (Update update : ordered) {
            stages.add(handOver(update));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new));
        try {
            CompletableFuture.anyOf(all, stopping).get();
            if (!all.isDone()) {
                all.get(drainTimeout.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException | CancellationException e) {
            // Each update's outcome is looked at below.
        } catch (TimeoutException e) {
            log.warn("Stopped with updates still being handled; they will be delivered again");
        }
        Long next = offset();
        Update failed = null;
        Throwable failure = null;
        for (int i = 0; i < ordered.size(); i++) {
            CompletableFuture<?> stage = stages.get(i);
            if (!stage.isDone() || stage.isCompletedExceptionally()) {
                if (stage.isDone()) {
                    failed = ordered.get(i);
                    failure = stage.handle((value, error) -> error).join();
                }
                break;
            }
            next = ordered.get(i).updateId() + 1;
            failures.remove(ordered.get(i).updateId());
            storeFailures.remove(ordered.get(i).updateId());
        }
        if (failed != null) {
            next = onFailure(failed, failure);
        }
        synchronized (this) {
            offset = next;
        }
    }

    /**
     * The offset after a failed update: past it when it failed too often, else at it (everything before is done).
     * An update that failed because the stack store is down is not the update's fault: it is asked for again, with
     * backoff, however long the outage lasts, and logged at DEBUG (the engine logs the outage once).
     */
    private Long onFailure(Update failed, @Nullable Throwable failure) throws InterruptedException {
        long id = failed.updateId();
        Throwable cause = Failures.cause(failure);
        if (cause instanceof StackStoreException) {
            int outage = storeFailures.merge(id, 1, Integer::sum);
            Duration pause = backoff(outage);
            log.debug("Update {} waits for the stack store; asked for again in {} ms", id, pause.toMillis());
            pause(pause);
            return id;
        }
        storeFailures.remove(id);
        int count = failures.merge(id, 1, Integer::sum);
        if (count >= maxAttempts) {
            failures.remove(id);
            log.error("Update {} failed {} times; skipping it so later updates are not held up", id, count);
            return id + 1;
        }
        Duration pause = backoff(count);
        log.warn(
                "Update {} was not handled (attempt {} of {}); it will be delivered again in {} ms",
                id,
                count,
                maxAttempts,
                pause.toMillis());
        pause(pause);
        return id;
    }

    private CompletableFuture<?> handOver(Update update) {
        try {
            CompletionStage<?> stage = handler.handle(update);
            return stage == null ? CompletableFuture.completedFuture(null) : stage.toCompletableFuture();
        } catch (Throwable e) {
            // An Error from one handler (a StackOverflowError, a failed assert) fails that update, not the poller.
            log.error("Update {} failed in the handler", update.updateId(), e);
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Waits this long, or less if the poller is being stopped. */
    private void pause(Duration pause) throws InterruptedException {
        try {
            CompletableFuture.anyOf(time.delay(pause), stopping).get();
        } catch (ExecutionException e) {
            // A failed delay only shortens the pause.
        }
    }

    /** Tells Telegram which updates are done, so a restart does not receive them again. */
    private void confirm() {
        Long next = offset();
        if (next == null) {
            return;
        }
        try {
            client.execute(
                    GetUpdates.builder().offset(next).limit(1L).timeout(0L).build());
        } catch (TelegramException e) {
            log.warn("Could not confirm handled updates on stop ({}); they may be delivered again", e.getMessage());
        }
    }

    /**
     * Whether an empty batch came back in less than half the poll timeout: Telegram holds a quiet poll for the
     * whole timeout, so a quicker empty answer comes from a server that ignores it (or from a timeout of zero).
     */
    private boolean answeredTooSoon(Instant polled) {
        return pollTimeout.isZero() || Duration.between(polled, time.now()).compareTo(pollTimeout.dividedBy(2)) < 0;
    }

    private Duration backoff(int failuresInARow) {
        return Backoff.pause(initialBackoff, maxBackoff, failuresInARow);
    }

    /**
     * Whether Telegram itself said polling cannot go on. {@code NotFound} is only ever Telegram's JSON answer; a
     * proxy's HTML 404 arrives as {@code UnexpectedResponse} and is backed off like a 5xx.
     */
    private static boolean isFatal(TelegramException e) {
        return e instanceof TelegramException.Unauthorized
                || e instanceof TelegramException.Conflict
                || e instanceof TelegramException.NotFound;
    }

    private static String advice(TelegramException e) {
        if (e instanceof TelegramException.Conflict) {
            return "Another instance is polling with this token, or a webhook is set (deleteWebhook removes it).";
        }
        return "Check the bot token.";
    }

    /** Settings of a {@link LongPolling}. */
    public static final class Builder {
        private final TelegramClient client;
        private final UpdateHandler handler;
        private Duration pollTimeout = Duration.ofSeconds(30);
        private int limit = 100;
        private List<String> allowedUpdates = UpdateKinds.defaults();
        private TimeSource time = TimeSource.system();
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private int maxAttempts = 5;
        private Duration drainTimeout = Duration.ofSeconds(10);
        private Duration minPollGap = Duration.ofSeconds(1);
        private @Nullable Long initialOffset;

        private Builder(TelegramClient client, UpdateHandler handler) {
            this.client = Objects.requireNonNull(client, "client");
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        /** How long one {@code getUpdates} waits for updates; 30 s by default. */
        public Builder pollTimeout(Duration pollTimeout) {
            this.pollTimeout = Objects.requireNonNull(pollTimeout, "pollTimeout");
            return this;
        }

        /** The most updates one poll returns, 1-100; 100 by default. */
        public Builder limit(int limit) {
            if (limit < 1 || limit > 100) {
                throw new IllegalArgumentException("limit must be 1-100, was " + limit);
            }
            this.limit = limit;
            return this;
        }

        /**
         * The update kinds to receive, always sent explicitly (Telegram keeps the previous list when none is sent);
         * {@link UpdateKinds#defaults()} unless set.
         */
        public Builder allowedUpdates(List<String> allowedUpdates) {
            this.allowedUpdates = List.copyOf(allowedUpdates);
            return this;
        }

        /** Where backoff pauses and poll gaps wait; a test passes a fake. */
        public Builder timeSource(TimeSource time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        /** Backoff after failures: the first pause, doubling up to the longest. */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** How often one update may fail before it is skipped; 5 by default. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** How long {@link LongPolling#stop()} lets the batch in hand finish; 10 s by default. */
        public Builder drainTimeout(Duration drainTimeout) {
            this.drainTimeout = Objects.requireNonNull(drainTimeout, "drainTimeout");
            return this;
        }

        /**
         * The pause after an empty batch that came back in less than half the poll timeout, before polling again;
         * 1 s by default. Telegram itself never needs it: it keeps a quiet poll open for the whole timeout.
         */
        public Builder minPollGap(Duration minPollGap) {
            Objects.requireNonNull(minPollGap, "minPollGap");
            if (minPollGap.isNegative()) {
                throw new IllegalArgumentException("minPollGap must not be negative");
            }
            this.minPollGap = minPollGap;
            return this;
        }

        /** The offset of the first poll, for a bot that stored the last update it handled. */
        public Builder initialOffset(long initialOffset) {
            this.initialOffset = initialOffset;
            return this;
        }

        /** The poller with these settings, not yet started. */
        public LongPolling build() {
            return new LongPolling(this);
        }
    }
}
