package dev.tgdialog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The clock and the waiting that tgdialog does: retry pauses, pacing and backoff all go through one of these, so a
 * test can pass a fake that moves time forward instead of sleeping. Implementations are thread-safe.
 */
public interface TimeSource {

    /** The current instant. */
    Instant now();

    /** Blocks the calling thread for this long (a fake moves its clock instead). */
    void sleep(Duration duration) throws InterruptedException;

    /** A future that completes after this long, without holding a thread while it waits. */
    CompletableFuture<Void> delay(Duration duration);

    /**
     * A reading in nanoseconds for measuring how long something took: only the difference of two readings means
     * anything. Real time reads {@link System#nanoTime()}, which never goes back; the default reads {@link #now()},
     * so a fake clock measures the time it was moved on by.
     *
     * @return the reading, in nanoseconds from an arbitrary origin
     */
    default long nanoTime() {
        Instant now = now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** A {@link Clock} view of this time source, in UTC. */
    default Clock clock() {
        TimeSource self = this;
        return new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return Clock.fixed(instant(), zone);
            }

            @Override
            public Instant instant() {
                return self.now();
            }
        };
    }

    /** Real time: the system clock, {@link Thread#sleep} and a shared delayed executor. */
    static TimeSource system() {
        return SystemTime.INSTANCE;
    }

    /** The real time source; a singleton. */
    enum SystemTime implements TimeSource {
        INSTANCE;

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        }

        @Override
        public CompletableFuture<Void> delay(Duration duration) {
            if (duration.isNegative() || duration.isZero()) {
                return CompletableFuture.completedFuture(null);
            }
            return CompletableFuture.runAsync(
                    () -> {}, CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS));
        }
    }
}
