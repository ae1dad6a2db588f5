package dev.tgdialog.testing;

import dev.tgdialog.telegram.Transport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@link FakeTelegram} as a {@link Transport}. An async call answers on a thread of its own, as a real transport's
 * callback does, so a caller that completes futures under a lock sees the same threading as in production.
 */
final class FakeTransport implements Transport {
    /** Shared by every fake: its daemon threads end with the tests, and an idle one ends after a minute. */
    private static final ExecutorService ASYNC = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fake-telegram-async");
        thread.setDaemon(true);
        return thread;
    });

    private final FakeTelegram fake;

    FakeTransport(FakeTelegram fake) {
        this.fake = fake;
    }

    @Override
    public Response send(Request request) {
        return fake.answer(request);
    }

    @Override
    public CompletableFuture<Response> sendAsync(Request request) {
        return CompletableFuture.supplyAsync(() -> fake.answer(request), ASYNC);
    }

    /** The fake answers at once, so there is no wait to bound. */
    @Override
    public Transport withReadTimeout(Duration readTimeout) {
        return this;
    }

    @Override
    public void close() {}
}
