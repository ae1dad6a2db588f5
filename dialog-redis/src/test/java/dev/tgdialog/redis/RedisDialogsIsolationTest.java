package dev.tgdialog.redis;

import java.time.Duration;
import java.util.concurrent.Executor;

/** Every test of {@link RedisUpdateIsolationTest}, on the isolation of a {@link RedisDialogs} pair. */
class RedisDialogsIsolationTest extends RedisUpdateIsolationTest {
    @Override
    protected RedisUpdateIsolation isolation(Duration lease, Duration maxWait) {
        RedisDialogs pair = RedisDialogs.builder(redis)
                .keyPrefix(prefix)
                .lease(lease)
                .maxWait(maxWait)
                .maxQueuedPerKey(100)
                .build();
        isolations.add(pair);
        return pair.isolation();
    }

    @Override
    protected RedisUpdateIsolation isolation(Executor executor, int maxQueuedPerKey) {
        RedisDialogs pair = RedisDialogs.builder(redis)
                .keyPrefix(prefix)
                .executor(executor)
                .maxQueuedPerKey(maxQueuedPerKey)
                .build();
        isolations.add(pair);
        return pair.isolation();
    }
}
