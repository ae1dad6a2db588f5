package dev.tgdialog.internal.http;

import java.time.Duration;

/** Exponential backoff: the pause before repeat number {@code attempt}, doubling from the first up to a cap. */
public final class Backoff {
    private Backoff() {}

    /** {@code initial} for attempt 1, twice that for attempt 2, …, never more than {@code max}. */
    public static Duration pause(Duration initial, Duration max, int attempt) {
        Duration pause = initial;
        for (int i = 1; i < attempt && pause.compareTo(max) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(max) > 0 ? max : pause;
    }
}
