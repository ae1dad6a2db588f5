package dev.tgdialog.redis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * {@link RedisCalls} that share socket writes and reads: callers on any thread queue commands, and one I/O thread
 * takes everything queued, writes it to its own connection in one go, reads the replies in order and completes
 * each caller's future with its own reply. Under load one write and one read carry every command that came in
 * while the previous batch was on the wire; a lone command goes out at once (there is no timer to wait for).
 *
 * <p>A command queued while nothing else is queued or on the wire skips the I/O thread: its caller writes it and
 * reads the reply itself, and its future is complete when the call returns. A bot with few updates in flight (and
 * every sequential step) then pays no hand-over to the I/O thread and back (two thread wake-ups per round trip).
 * Under load something is nearly always in flight, so commands take the
 * shared path and no handler thread waits on a socket. A caller that sends its own waits for Redis at most the
 * connection's socket timeout, as the I/O thread would, and then fails as the I/O thread's callers do.
 *
 * <p>Guarantees: commands go to Redis in the order they were queued (one connection; only a script that Redis
 * answers NOSCRIPT is sent again, as EVAL, in the next write). A connection failure fails every command of the
 * batch on the wire with a {@link JedisConnectionException} (a command may or may not have run; callers treat
 * both alike) and the next batch opens a new connection, so commands work again once Redis is back. After
 * {@link #close} new commands fail at once with an {@link IllegalStateException} and queued ones fail with it.
 *
 * <p>Futures complete on the I/O thread, or on the caller's own thread when it sent the command itself: callers
 * wait for them or continue on their own executor ({@code *Async}), so no caller code ever runs on (and stalls)
 * the I/O thread. Thread-safe.
 */
final class RedisPipeline implements RedisCalls, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisPipeline.class);
    /** Bounds one write (and the reply buffer) when callers queue faster than Redis answers. */
    private static final int MAX_BATCH = 512;

    private final Supplier<Connection> connections;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final LongAdder sent = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder wireNanos = new LongAdder();
    private final Thread io;
    private volatile boolean closed;
    /** Held by whoever writes and reads the connection: the I/O thread for a batch, or a caller for its own. */
    private final ReentrantLock wire = new ReentrantLock();
    /**
     * Requests queued or on the wire and not yet answered. A caller sends its own only when it moves this from 0
     * to 1: then nothing queued before it can be overtaken.
     */
    private final AtomicInteger pending = new AtomicInteger();
    /** Guarded by {@link #wire}: null until the first write, and again after a failure. */
    private @Nullable Connection connection;

    /** One queued command and whom its reply goes to. */
    private static final class Request {
        final CommandArguments command;
        /** Sent right after {@link #command} in the same write; the reply is then {@link #replies} of them all. */
        final List<CommandArguments> then;

        /**
         * What the replies of {@link #command} and {@link #then}, in order, answer: applied where the replies are
         * read, so the caller's future needs no stage of its own to shape them.
         */
        final Function<List<@Nullable Object>, @Nullable Object> replies;

        final @Nullable LuaScript script;
        final List<?> keys;
        final List<?> args;
        final CompletableFuture<@Nullable Object> reply = new CompletableFuture<>();

        Request(CommandArguments command, @Nullable LuaScript script, List<?> keys, List<?> args) {
            this(command, List.of(), all -> all, script, keys, args);
        }

        Request(
                CommandArguments command,
                List<CommandArguments> then,
                Function<List<@Nullable Object>, @Nullable Object> replies,
                @Nullable LuaScript script,
                List<?> keys,
                List<?> args) {
            this.command = command;
            this.then = then;
            this.replies = replies;
            this.script = script;
            this.keys = keys;
            this.args = args;
        }
    }

    /** Wakes the I/O thread to end; never written. */
    private static final Request CLOSE =
            new Request(new CommandArguments(Protocol.Command.PING), null, List.of(), List.of());

    /**
     * A pipeline that opens its connections with {@code connections} (a new, connected, authenticated connection
     * per call; the pipeline closes it) and names its I/O thread {@code name}.
     */
    RedisPipeline(Supplier<Connection> connections, String name) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.io = new Thread(this::loop, name);
        io.setDaemon(true);
        io.start();
    }

    @Override
    public CompletableFuture<@Nullable Object> script(LuaScript script, List<?> keys, List<?> args) {
        CommandArguments command = new CommandArguments(Protocol.Command.EVALSHA)
                .add(script.shaBytes())
                .add(keys.size());
        for (Object key : keys) {
            command.add(RedisCalls.bytes(key));
        }
        for (Object arg : args) {
            command.add(RedisCalls.bytes(arg));
        }
        return send(new Request(command, script, keys, args));
    }

    @Override
    public CompletableFuture<byte @Nullable []> getEx(String key, long ttlMillis) {
        CommandArguments command =
                new CommandArguments(Protocol.Command.GETEX).add(key).add("PX").add(ttlMillis);
        return send(new Request(command, null, List.of(), List.of())).thenApply(reply -> (byte[]) reply);
    }

    @Override
    public CompletableFuture<Boolean> setNxPx(String key, String value, long px) {
        CommandArguments command = new CommandArguments(Protocol.Command.SET)
                .add(key)
                .add(value)
                .add("NX")
                .add("PX")
                .add(px);
        return send(new Request(command, null, List.of(), List.of())).thenApply(reply -> reply != null);
    }

    /**
     * {@code SET lockKey token NX PX lease} and {@code GETEX stackKey PX ttl}, queued as one entry so they always
     * share a write (two separate entries could be split by the I/O thread waking between them, and cost a round
     * trip more): the document when the SET took the lock ({@code 1L} when no stack is stored), {@code 0L} when it
     * did not. Redis runs the two in this order on the one connection. With a {@code recordKey}, a {@code GET} of it
     * goes in the same write, and the reply of a taken lock is {@code [document or 1L, record or null]}. Every
     * argument comes encoded, as the caller keeps it for the update's save (keys, token) or for good (lease, TTL).
     */
    CompletableFuture<@Nullable Object> lockThenRead(
            byte[] lockKey,
            byte[] token,
            byte[] leaseMillis,
            byte[] stackKey,
            byte[] ttlMillis,
            byte @Nullable [] recordKey) {
        CommandArguments lock = new CommandArguments(Protocol.Command.SET)
                .add(lockKey)
                .add(token)
                .add(Protocol.Keyword.NX)
                .add(Protocol.Keyword.PX)
                .add(leaseMillis);
        CommandArguments read = new CommandArguments(Protocol.Command.GETEX)
                .add(stackKey)
                .add(Protocol.Keyword.PX)
                .add(ttlMillis);
        List<CommandArguments> then = recordKey == null
                ? List.of(read)
                : List.of(read, new CommandArguments(Protocol.Command.GET).add(recordKey));
        boolean withRecord = recordKey != null;
        return send(new Request(
                lock,
                then,
                all -> {
                    if (all.get(0) == null) {
                        return Long.valueOf(0);
                    }
                    Object document = all.get(1) == null ? Long.valueOf(1) : all.get(1);
                    return withRecord ? Arrays.asList(document, all.get(2)) : document;
                },
                null,
                List.of(),
                List.of()));
    }

    /** Queues any command; its raw reply (bytes, a number, a list, or null). Tests use it for plain commands. */
    CompletableFuture<@Nullable Object> command(CommandArguments command) {
        return send(new Request(command, null, List.of(), List.of()));
    }

    @Override
    public long commandsSent() {
        return sent.sum();
    }

    /** Each request waits for its replies once, however many commands it holds and others shared its write. */
    @Override
    public long roundTrips() {
        return requests.sum();
    }

    /** How many writes carried those commands (at load, far fewer than commands). */
    long writes() {
        return writes.sum();
    }

    /** Nanoseconds from each write's first byte to its last reply, summed over the writes. */
    long wireNanos() {
        return wireNanos.sum();
    }

    @Override
    public boolean completesElsewhere() {
        return true;
    }

    @Override
    public boolean completesOnThisThread() {
        return Thread.currentThread() == io;
    }

    private CompletableFuture<@Nullable Object> send(Request request) {
        if (closed) {
            request.reply.completeExceptionally(closedError());
            return request.reply;
        }
        if (pending.compareAndSet(0, 1)) {
            wire.lock();
            try {
                if (closed) {
                    // close() came in between: the I/O thread may have closed the connection already.
                    request.reply.completeExceptionally(closedError());
                } else {
                    write(List.of(request));
                }
            } finally {
                wire.unlock();
                pending.decrementAndGet();
            }
            return request.reply;
        }
        pending.incrementAndGet();
        queue.add(request);
        // close() may have drained the queue between the check above and the add: then nobody else will.
        if (closed && queue.remove(request)) {
            request.reply.completeExceptionally(closedError());
        }
        return request.reply;
    }

    private static IllegalStateException closedError() {
        return new IllegalStateException("the Redis pipeline is closed");
    }

    private void loop() {
        List<Request> batch = new ArrayList<>();
        try {
            while (true) {
                Request first = queue.take();
                if (first == CLOSE) {
                    break;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                boolean closing = batch.remove(CLOSE);
                int taken = batch.size();
                wire.lock();
                try {
                    write(batch);
                } finally {
                    wire.unlock();
                    pending.addAndGet(-taken);
                }
                batch.clear();
                if (closing) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // A bug here would otherwise leave every caller waiting: fail them all, loudly.
            log.error("The Redis pipeline's I/O thread failed", e);
            batch.forEach(r -> r.reply.completeExceptionally(e));
            closed = true;
        } finally {
            List<Request> left = new ArrayList<>();
            queue.drainTo(left);
            left.forEach(r -> r.reply.completeExceptionally(closedError()));
            wire.lock();
            try {
                disconnect();
            } finally {
                wire.unlock();
            }
        }
    }

    /**
     * Writes the batch, reads its replies, and sends again (as EVAL) the scripts Redis did not have. The caller
     * holds {@link #wire}.
     */
    private void write(List<Request> batch) {
        List<Request> again = null;
        Connection c;
        try {
            c = connection != null ? connection : (connection = connections.get());
        } catch (RuntimeException e) {
            failAll(batch, e instanceof JedisException ? e : new JedisConnectionException(e));
            return;
        }
        try {
            long t0 = System.nanoTime();
            int commands = 0;
            for (Request r : batch) {
                c.sendCommand(r.command);
                commands++;
                for (CommandArguments then : r.then) {
                    c.sendCommand(then);
                    commands++;
                }
            }
            sent.add(commands);
            requests.add(batch.size());
            writes.increment();
            List<Object> replies = c.getMany(commands);
            wireNanos.add(System.nanoTime() - t0);
            int next = 0;
            for (Request r : batch) {
                Object reply = replies.get(next++);
                if (!r.then.isEmpty()) {
                    List<@Nullable Object> all = new ArrayList<>(r.then.size() + 1);
                    all.add(reply);
                    for (int i = 0; i < r.then.size(); i++) {
                        all.add(replies.get(next++));
                    }
                    Object error = null;
                    for (Object each : all) {
                        if (error == null && each instanceof JedisDataException) {
                            error = each;
                        }
                    }
                    if (error != null) {
                        r.reply.completeExceptionally((JedisDataException) error);
                    } else {
                        complete(r, all);
                    }
                } else if (reply instanceof JedisNoScriptException && r.script != null) {
                    if (again == null) {
                        again = new ArrayList<>();
                    }
                    again.add(asEval(r));
                } else if (reply instanceof JedisDataException error) {
                    r.reply.completeExceptionally(error);
                } else {
                    r.reply.complete(reply);
                }
            }
        } catch (JedisException e) {
            log.debug("Redis pipeline connection failed: {}", e.getMessage());
            failAll(batch, e);
            disconnect();
            return;
        }
        if (again != null) {
            write(again);
        }
    }

    /** Completes {@code r} with what its replies answer (a shape that fails fails the caller, not this thread). */
    private static void complete(Request r, List<@Nullable Object> all) {
        Object answer;
        try {
            answer = r.replies.apply(all);
        } catch (RuntimeException e) {
            r.reply.completeExceptionally(e);
            return;
        }
        r.reply.complete(answer);
    }

    /** The same script call, by source, answering the same caller. */
    private static Request asEval(Request r) {
        LuaScript script = Objects.requireNonNull(r.script);
        CommandArguments command =
                new CommandArguments(Protocol.Command.EVAL).add(script.source()).add(r.keys.size());
        r.keys.forEach(key -> command.add(RedisCalls.bytes(key)));
        r.args.forEach(arg -> command.add(RedisCalls.bytes(arg)));
        Request eval = new Request(command, null, r.keys, r.args);
        eval.reply.whenComplete((value, error) -> {
            if (error != null) {
                r.reply.completeExceptionally(error);
            } else {
                r.reply.complete(value);
            }
        });
        return eval;
    }

    private static void failAll(List<Request> batch, Throwable error) {
        batch.forEach(r -> r.reply.completeExceptionally(error));
    }

    private void disconnect() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException e) {
                log.debug("Closing a Redis pipeline connection failed: {}", e.getMessage());
            }
        }
    }

    /**
     * Refuses new commands, fails the queued ones and ends the I/O thread after the batch on the wire (its callers
     * get their replies). Waits for the thread at most a second.
     */
    @Override
    public void close() {
        closed = true;
        queue.add(CLOSE);
        try {
            io.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
