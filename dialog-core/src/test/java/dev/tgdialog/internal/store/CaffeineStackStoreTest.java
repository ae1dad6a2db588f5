package dev.tgdialog.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.store.StackStoreContract;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CaffeineStackStoreTest extends StackStoreContract {
    private final FakeTicker ticker = new FakeTicker();

    @Override
    protected StackStore newStore(Duration ttl) {
        return new CaffeineStackStore(ttl, 1_000_000, ticker, ForkJoinPool.commonPool());
    }

    @Override
    protected void advanceTime(Duration by) {
        ticker.advance(by);
    }

    @Test
    void sizeBound_evictsStacksBeyondMaxStacks() {
        StackStore store = new CaffeineStackStore(Duration.ofDays(1), 3, ticker, Runnable::run);
        List<StackKey> keys = LongStream.rangeClosed(1, 20)
                .mapToObj(user -> StackKey.of(1, 2, user))
                .toList();

        for (StackKey key : keys) {
            assertThat(store.save(key, 0, new Stack("", List.of(), 1, null, List.of(), 0)))
                    .isTrue();
        }

        long kept = keys.stream().filter(key -> store.load(key).isPresent()).count();
        assertThat(kept).isBetween(1L, 3L);
    }

    @Test
    void ttlThatIsNotPositive_isRefused() {
        assertThatThrownBy(() -> StackStore.inMemory(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StackStore.inMemory(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Caffeine's time, moved only by the test. */
    private static final class FakeTicker implements Ticker {
        private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        @Override
        public long read() {
            return nanos.get();
        }

        void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }
    }
}
