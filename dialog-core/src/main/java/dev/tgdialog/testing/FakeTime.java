package dev.tgdialog.testing;

import dev.tgdialog.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link TimeSource} for tests: time stands still until something waits, and every wait ({@code sleep} or
 * {@code delay}) moves the clock forward by exactly that much and returns at once. The waits are recorded, so a
 * test can assert "retried after 3 s" without sleeping. Thread-safe.
 */
public final class FakeTime implements TimeSource {
    private Instant now;
    private final List<Duration> waits = new ArrayList<>();

    /** Starts at 2026-01-01T00:00:00Z. */
    public FakeTime() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public FakeTime(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public void sleep(Duration duration) {
        advance(duration);
    }

    @Override
    public CompletableFuture<Void> delay(Duration duration) {
        synchronized (this) {
            if (holding > 0) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                held.add(new Held(duration, done));
                return done;
            }
        }
        advance(duration);
        return CompletableFuture.completedFuture(null);
    }

    private int holding;
    private final List<Held> held = new ArrayList<>();

    private record Held(Duration duration, CompletableFuture<Void> done) {}

    /**
     * Runs {@code burst} as things that happen at one instant, such as the parts of an album a user sends: the delays
     * it starts end only once it returns, shortest first, the clock moving on to each in turn. Outside such a burst
     * every wait passes at once.
     */
    public void together(Runnable burst) {
        synchronized (this) {
            holding++;
        }
        List<Held> due = List.of();
        try {
            burst.run();
        } finally {
            synchronized (this) {
                holding--;
                if (holding == 0) {
                    due = new ArrayList<>(held);
                    held.clear();
                }
            }
        }
        due.sort((a, b) -> a.duration().compareTo(b.duration()));
        Duration passed = Duration.ZERO;
        for (Held h : due) {
            if (h.duration().compareTo(passed) > 0) {
                advance(h.duration().minus(passed));
                passed = h.duration();
            }
            h.done().complete(null);
        }
    }

    /** Moves the clock forward; a zero or negative duration is not recorded. */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        waits.add(duration);
        now = now.plus(duration);
    }

    /** Every wait so far, in order. */
    public synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}
