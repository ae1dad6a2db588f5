package dev.tgdialog.redis;

import dev.tgdialog.store.StackStore;
import java.time.Duration;

/** The core's stack-store contract on the store of a {@link RedisDialogs} pair, used as a plain store. */
class RedisDialogsStoreContractTest extends RedisStackStoreContractTest {
    @Override
    protected StackStore newStore(Duration ttl) {
        return RedisDialogs.builder(redis())
                .keyPrefix(newPrefix())
                .ttl(ttl)
                .build()
                .store();
    }
}
