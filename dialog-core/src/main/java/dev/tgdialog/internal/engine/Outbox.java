package dev.tgdialog.internal.engine;

import dev.tgdialog.TimeSource;
import dev.tgdialog.telegram.BotMethod;
import dev.tgdialog.telegram.RetryPolicy;
import dev.tgdialog.telegram.TelegramException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's calls to chats, in order per chat. A chat that is not rate-limited has no queue: its calls run at
 * once on the caller's thread. A 429 pauses only the chat it came from: that call and every later call to the
 * chat wait in the chat's queue, and the queue resumes on a timer ({@link TimeSource#delay}), so no thread waits
 * and no other chat is slowed. A queued call is repeated after each {@code retry_after} (plus jitter) until its
 * deadline; then it fails. Queued calls live in memory only: a crash loses them.
 *
 * <p>A send that had to queue has no message id yet; {@link #placeholder} stands in for it (a negative id) until
 * it is known, and calls built later resolve it through {@link #resolve}. Thread-safe.
 */
final class Outbox {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    /** Runs one call once: a 429 must be thrown at once as {@link TelegramException.TooManyRequests}. */
    interface Caller {
        <R> R call(BotMethod<?> method, Class<R> type);
    }

    private final Caller caller;
    private final TimeSource time;
    private final Executor executor;
    private final RetryPolicy policy;
    private final Duration deadline;
    private final java.util.function.LongConsumer onBlocked;
    private final ConcurrentHashMap<Long, ChatQueue> queues = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, CompletableFuture<Long>> placeholders = new ConcurrentHashMap<>();
    private final AtomicLong nextPlaceholder = new AtomicLong();

    /**
     * @param policy the bot's retry policy: its deadline (how long after its first attempt a call may still be
     *     repeated), its {@code maxFloodWait} (a longer {@code retry_after} fails the call at once) and its jitter
     * @param onBlocked told the chat whenever a call to it is refused because the user blocked the bot
     */
    Outbox(
            Caller caller,
            TimeSource time,
            Executor executor,
            RetryPolicy policy,
            java.util.function.LongConsumer onBlocked) {
        this.caller = caller;
        this.time = time;
        this.executor = executor;
        this.policy = policy;
        this.deadline = policy.deadline();
        this.onBlocked = onBlocked;
    }

    /**
     * Runs the call now when the chat is not paused, else queues it behind the chat's earlier calls. The method is
     * built when the call runs, so it can resolve the placeholders of sends queued before it. The future is done on
     * return unless the call had to queue; a failure completes it with the {@link TelegramException}.
     */
    <R> CompletableFuture<R> submit(long chatId, Supplier<BotMethod<?>> method, Class<R> type) {
        if (queues.isEmpty() || queues.get(chatId) == null) {
            try {
                return CompletableFuture.completedFuture(call(chatId, method, type));
            } catch (TelegramException.TooManyRequests e) {
                Duration wait = waitFor(e);
                if (wait.compareTo(policy.maxFloodWait()) > 0 || wait.compareTo(deadline) >= 0) {
                    log.warn(
                            "Chat {}: {} asked to wait {} s, past the retry deadline of {} s; given up",
                            chatId,
                            e.method(),
                            wait.toSeconds(),
                            deadline.toSeconds());
                    return CompletableFuture.failedFuture(e);
                }
                Entry<R> entry = new Entry<>(method, type, time.now());
                pause(chatId, entry, e, wait);
                return entry.result;
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        Entry<R> entry = new Entry<>(method, type, time.now());
        boolean[] queued = {false};
        queues.computeIfPresent(chatId, (id, q) -> {
            q.entries.addLast(entry);
            queued[0] = true;
            return q;
        });
        // The queue drained and went away in between: nothing is ahead of this call any more.
        return queued[0] ? entry.result : submit(chatId, method, type);
    }

    /**
     * The value of a call that is done, or its failure thrown as it was (a {@link TelegramException}). Only for a
     * future that is done: a queued call is never waited for.
     */
    static <R> R now(CompletableFuture<R> done) {
        if (!done.isDone()) {
            throw new IllegalStateException("a queued call is not waited for");
        }
        try {
            return done.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Whether the chat's calls are waiting out a flood wait. */
    boolean paused(long chatId) {
        return queues.containsKey(chatId);
    }

    /** A negative stand-in for the message id that this queued send will get; see {@link #resolve}. */
    long placeholder(CompletableFuture<Long> messageId) {
        long id = -nextPlaceholder.incrementAndGet();
        placeholders.put(id, messageId);
        messageId.whenComplete((value, error) -> {
            // Kept a while after the send so calls queued behind it can still resolve it.
            time.delay(Duration.ofMinutes(10)).thenRun(() -> placeholders.remove(id));
        });
        return id;
    }

    /**
     * The real id behind a placeholder once its send went out; any other id as it is (a placeholder whose send
     * failed, or one from before a restart, stays negative, and Telegram refuses it like any missing message).
     */
    long resolve(long messageId) {
        if (messageId >= 0) {
            return messageId;
        }
        CompletableFuture<Long> sent = placeholders.get(messageId);
        return sent != null && sent.isDone() && !sent.isCompletedExceptionally() ? sent.join() : messageId;
    }

    /** Runs one call, telling {@code onBlocked} when the chat's user has blocked the bot. */
    private <R> R call(long chatId, Supplier<BotMethod<?>> method, Class<R> type) {
        try {
            return caller.call(method.get(), type);
        } catch (TelegramException.Forbidden e) {
            if (e.isBlockedByUser()) {
                onBlocked.accept(chatId);
            }
            throw e;
        }
    }

    private void pause(long chatId, Entry<?> first, TelegramException.TooManyRequests e, Duration wait) {
        Instant until = time.now().plus(wait);
        boolean[] schedule = {false};
        queues.compute(chatId, (id, q) -> {
            if (q == null) {
                q = new ChatQueue();
                schedule[0] = true;
                log.warn(
                        "Chat {} is in flood wait for {} s; its calls queue until then, other chats go on",
                        chatId,
                        e.retryAfter());
            }
            if (schedule[0]) {
                q.entries.addFirst(first);
            } else {
                q.entries.addLast(first);
            }
            if (until.isAfter(q.pausedUntil)) {
                q.pausedUntil = until;
            }
            return q;
        });
        if (schedule[0]) {
            resumeAfter(chatId, wait);
        }
    }

    private void resumeAfter(long chatId, Duration wait) {
        time.delay(wait).whenComplete((x, error) -> {
            try {
                executor.execute(() -> drain(chatId));
            } catch (RuntimeException refused) {
                // A bot being shut down: the queued calls fail rather than wait forever.
                failAll(chatId, refused);
            }
        });
    }

    /** Runs the chat's queued calls in order until it is empty or paused again. */
    private void drain(long chatId) {
        while (true) {
            ChatQueue q = queues.get(chatId);
            if (q == null) {
                return;
            }
            Duration left = Duration.between(time.now(), q.pausedUntil);
            if (!left.isNegative() && !left.isZero()) {
                resumeAfter(chatId, left);
                return;
            }
            @SuppressWarnings("unchecked")
            Entry<Object>[] head = new Entry[1];
            // Dropped only when empty, in the same step that finds it empty, so a call queued meanwhile keeps it.
            ChatQueue still = queues.computeIfPresent(chatId, (id, cur) -> {
                @SuppressWarnings("unchecked")
                Entry<Object> first = (Entry<Object>) cur.entries.peekFirst();
                head[0] = first;
                return first == null ? null : cur;
            });
            if (still == null) {
                log.info("Chat {} is out of flood wait; its queued calls went out", chatId);
                return;
            }
            if (!runHead(chatId, still, head[0])) {
                return;
            }
        }
    }

    /** Runs the head call; false when the chat is paused again (a drain is scheduled). */
    private <R> boolean runHead(long chatId, ChatQueue q, Entry<R> head) {
        if (!time.now().isBefore(head.queuedAt.plus(deadline))) {
            // Waited behind other calls until its own deadline passed: not sent at all.
            log.warn(
                    "Chat {}: a call queued {} s ago is given up unsent (deadline {} s)",
                    chatId,
                    Duration.between(head.queuedAt, time.now()).toSeconds(),
                    deadline.toSeconds());
            removeHead(chatId, head);
            head.result.completeExceptionally(new TelegramException.TooManyRequests(
                    "queued call", "Too Many Requests: given up after the retry deadline", null));
            return true;
        }
        try {
            R value = call(chatId, head.method, head.type);
            removeHead(chatId, head);
            head.result.complete(value);
            return true;
        } catch (TelegramException.TooManyRequests e) {
            Duration wait = waitFor(e);
            Instant until = time.now().plus(wait);
            if (until.isAfter(head.queuedAt.plus(deadline)) || wait.compareTo(policy.maxFloodWait()) > 0) {
                log.warn(
                        "Chat {}: {} given up after {} s in flood wait (deadline {} s)",
                        chatId,
                        e.method(),
                        Duration.between(head.queuedAt, time.now()).toSeconds(),
                        deadline.toSeconds());
                // The chat stays paused as Telegram asked; the calls behind this one go out after the wait.
                q.pausedUntil = until;
                removeHead(chatId, head);
                head.result.completeExceptionally(e);
                return true;
            }
            q.pausedUntil = until;
            resumeAfter(chatId, wait);
            return false;
        } catch (RuntimeException e) {
            removeHead(chatId, head);
            head.result.completeExceptionally(e);
            return true;
        }
    }

    private void removeHead(long chatId, Entry<?> head) {
        queues.computeIfPresent(chatId, (id, q) -> {
            if (q.entries.peekFirst() == head) {
                q.entries.pollFirst();
            }
            return q;
        });
    }

    private void failAll(long chatId, RuntimeException cause) {
        ChatQueue q = queues.remove(chatId);
        if (q != null) {
            q.entries.forEach(entry -> entry.result.completeExceptionally(cause));
        }
    }

    private Duration waitFor(TelegramException.TooManyRequests e) {
        long seconds = e.retryAfter() == null ? 1 : Math.max(1, e.retryAfter());
        return policy.withJitter(Duration.ofSeconds(seconds));
    }

    /** One chat's calls waiting out a flood wait; its entries are touched only inside the map's compute. */
    private static final class ChatQueue {
        final ArrayDeque<Entry<?>> entries = new ArrayDeque<>();
        volatile Instant pausedUntil = Instant.MIN;
    }

    private static final class Entry<R> {
        final Supplier<BotMethod<?>> method;
        final Class<R> type;
        final Instant queuedAt;
        final CompletableFuture<R> result = new CompletableFuture<>();

        Entry(Supplier<BotMethod<?>> method, Class<R> type, Instant queuedAt) {
            this.method = method;
            this.type = type;
            this.queuedAt = queuedAt;
        }
    }
}
