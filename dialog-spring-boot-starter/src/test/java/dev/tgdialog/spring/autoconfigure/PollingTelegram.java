package dev.tgdialog.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A Bot API to poll: {@code getUpdates} is answered from the updates {@link #deliver delivered} (a poll with none
 * waits, as Telegram's long poll does, until one comes or the poll is cancelled, holding no thread), a poll on the
 * calling thread (the one that confirms updates as polling stops) with none; every other call goes to {@code api},
 * a {@link dev.tgdialog.testing.FakeTelegram}'s transport.
 */
final class PollingTelegram implements dev.tgdialog.telegram.Transport {
    private final dev.tgdialog.telegram.Transport api;
    private final Deque<String> updates = new ArrayDeque<>();
    private CompletableFuture<Response> poll = new CompletableFuture<>();
    private final List<String> confirmations = new ArrayList<>();
    private int polls;

    PollingTelegram(dev.tgdialog.telegram.Transport api) {
        this.api = api;
    }

    /** Hands this update (its JSON) to the poll in wait, or to the next one. */
    synchronized void deliver(String update) {
        if (polls > 0 && !poll.isDone()) {
            poll.complete(batch(update));
        } else {
            updates.add(update);
        }
    }

    /** How many polls the bot made. */
    synchronized int polls() {
        return polls;
    }

    /** The bodies of the polls made on the calling thread: those that confirm updates as polling stops. */
    synchronized List<String> confirmations() {
        return List.copyOf(confirmations);
    }

    @Override
    public synchronized Response send(Request request) throws Failure {
        if (!isPoll(request)) {
            return api.send(request);
        }
        confirmations.add(new String(request.body(), StandardCharsets.UTF_8));
        return new Response(200, "{\"ok\":true,\"result\":[]}".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized CompletableFuture<Response> sendAsync(Request request) {
        if (!isPoll(request)) {
            return api.sendAsync(request);
        }
        polls++;
        String next = updates.poll();
        poll = next == null ? new CompletableFuture<>() : CompletableFuture.completedFuture(batch(next));
        return poll;
    }

    @Override
    public dev.tgdialog.telegram.Transport withReadTimeout(Duration readTimeout) {
        return this;
    }

    @Override
    public void close() {}

    private static boolean isPoll(Request request) {
        return request.url().getPath().endsWith("/getUpdates");
    }

    private static Response batch(String update) {
        return new Response(200, ("{\"ok\":true,\"result\":[" + update + "]}").getBytes(StandardCharsets.UTF_8));
    }
}
