package dev.tgdialog.testing;

import dev.tgdialog.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A clock that moves only when the test says so: a {@link #delay} completes once {@link #advance} has moved the
 * clock past its end, so a test sees exactly which work waited on time (a flood wait, say) and which did not; the
 * delays that come due run on the thread that advances. A blocking {@link #sleep} moves the clock itself and is
 * counted, since no test thread is there to advance it. Unlike {@link FakeTime}, whose every wait passes at once.
 * Thread-safe.
 */
public final class ManualTime implements TimeSource {
    private Instant now = Instant.parse("2026-06-01T00:00:00Z");
    private final List<Timer> timers = new ArrayList<>();
    private Duration slept = Duration.ZERO;

    private record Timer(Instant due, CompletableFuture<Void> done) {}

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        if (!duration.isNegative()) {
            slept = slept.plus(duration);
            now = now.plus(duration);
        }
    }

    @Override
    public CompletableFuture<Void> delay(Duration duration) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (this) {
            if (duration.isNegative() || duration.isZero()) {
                done.complete(null);
            } else {
                timers.add(new Timer(now.plus(duration), done));
            }
        }
        return done;
    }

    /** Starts at 2026-06-01T00:00:00Z. */
    public ManualTime() {}

    /** Moves the clock forward and completes every delay that has ended (outside the lock, in order of their end). */
    public void advance(Duration duration) {
        List<Timer> due = new ArrayList<>();
        synchronized (this) {
            now = now.plus(duration);
            timers.removeIf(t -> {
                if (!t.due().isAfter(now)) {
                    due.add(t);
                    return true;
                }
                return false;
            });
        }
        due.sort((a, b) -> a.due().compareTo(b.due()));
        due.forEach(t -> t.done().complete(null));
    }

    /** How many delays are waiting for the clock. */
    public synchronized int waiting() {
        return timers.size();
    }

    /** The time blocking sleeps took off the clock. */
    public synchronized Duration slept() {
        return slept;
    }
}
