package dev.tgdialog.redis;

import java.time.Duration;

/** Every test of {@link RedisUpdateIsolationTest}, on the isolation of a {@link RedisDialogs} pair. */
class RedisDialogsIsolationTest extends RedisUpdateIsolationTest {
    @Override
    protected RedisUpdateIsolation isolation(Duration lease, Duration maxWait) {
        RedisDialogs pair = RedisDialogs.builder(redis).keyPrefix(prefix).lease(lease).maxWait(maxWait).build();
        isolations.add(pair);
        return pair.isolation();
    }
}
