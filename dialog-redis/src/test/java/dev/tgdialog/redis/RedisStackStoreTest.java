package dev.tgdialog.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.store.Frame;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackCodec;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStoreException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** What the Redis store does beyond the contract: TTL handling, migration, corrupt data, an unreachable Redis. */
class RedisStackStoreTest {
    private static final StackKey KEY = StackKey.of(1, 2, 3);

    private final String prefix = TestRedis.uniquePrefix();
    private final JedisPooled redis = TestRedis.client();

    @AfterEach
    void close() {
        redis.del(RedisKeys.stack(prefix, KEY));
        redis.close();
    }

    private static Stack stack(long version) {
        Frame frame = new Frame("0", "menu", "MAIN", 1, null, Map.of("n", String.valueOf(version)), Map.of(), Map.of());
        return new Stack("", List.of(frame), version, null, List.of(version), 1);
    }

    @Test
    void save_setsTheTtl_andLoadRefreshesIt_inOneKeyHoldingTheCodecsJson() {
        RedisStackStore store = RedisStackStore.builder(redis)
                .keyPrefix(prefix)
                .ttl(Duration.ofMinutes(10))
                .build();
        store.save(KEY, 0, stack(1));
        String key = store.redisKey(KEY);
        assertThat(redis.get(key)).isEqualTo(StackCodec.encode(stack(1)));
        redis.pexpire(key, 1000);

        assertThat(store.load(KEY)).contains(stack(1));

        assertThat(redis.pttl(key))
                .isBetween(
                        Duration.ofMinutes(9).toMillis(), Duration.ofMinutes(10).toMillis());
    }

    @Test
    void theSaveFindsTheStoredVersion_evenWhenTheStackIdSpellsAnother_orTheDocumentIsLaidOutDifferently() {
        RedisStackStore store = RedisStackStore.builder(redis).keyPrefix(prefix).build();
        Frame frame = new Frame("0", "menu", "MAIN", 1, null, Map.of("x", "\",\"version\":99,"), Map.of(), Map.of());
        Stack tricky = new Stack("a\",\"version\":7,\"", List.of(frame), 1, null, List.of(), 1);
        assertThat(store.save(KEY, 0, tricky)).isTrue();

        assertThat(store.save(KEY, 7, new Stack(tricky.id(), List.of(frame), 8, null, List.of(), 1)))
                .isFalse();
        assertThat(store.save(KEY, 1, new Stack(tricky.id(), List.of(frame), 2, null, List.of(), 1)))
                .isTrue();

        // The same document with its members in another order: decoded whole, still compared right.
        String stored = redis.get(store.redisKey(KEY));
        redis.set(store.redisKey(KEY), "{\"version\":2," + stored.substring(1).replace(",\"version\":2", ""));
        assertThat(store.save(KEY, 1, stack(2))).isFalse();
        assertThat(store.save(KEY, 2, stack(3))).isTrue();
    }

    @Test
    void aStackThisProcessSaved_isLoadedWithoutDecoding_whileItsDocumentIsUnchanged_andDecodedOnceAnotherWroteIt() {
        RedisStackStore store = RedisStackStore.builder(redis).keyPrefix(prefix).build();
        Stack saved = stack(1);
        assertThat(store.save(KEY, 0, saved)).isTrue();

        // The very object saved: the document read back is byte for byte the one written.
        assertThat(store.load(KEY)).get().isSameAs(saved);

        // Another instance saves version 2: its document is decoded, never answered with what this one kept.
        String key = store.redisKey(KEY);
        redis.set(key, StackCodec.encode(stack(2)));
        Stack loaded = store.load(KEY).orElseThrow();
        assertThat(loaded).isEqualTo(stack(2)).isNotSameAs(saved);
        assertThat(store.load(KEY)).get().isSameAs(loaded);

        // The same stack laid out otherwise is another document: decoded again, to an equal stack.
        String stored = redis.get(key);
        redis.set(key, "{\"version\":2," + stored.substring(1).replace(",\"version\":2", ""));
        assertThat(store.load(KEY)).get().isEqualTo(stack(2)).isNotSameAs(loaded);

        // A refused save drops what was kept: the next load decodes the stored document.
        Stack kept = store.load(KEY).orElseThrow();
        assertThat(store.save(KEY, 5, stack(6))).isFalse();
        assertThat(store.load(KEY)).get().isEqualTo(stack(2)).isNotSameAs(kept);
    }

    @Test
    void withNoDecodedStacksKept_everyLoadDecodes() {
        RedisStackStore store = RedisStackStore.builder(redis)
                .keyPrefix(prefix)
                .decodedStacks(0)
                .build();
        Stack saved = stack(1);
        store.save(KEY, 0, saved);

        Stack first = store.load(KEY).orElseThrow();
        assertThat(first).isEqualTo(saved).isNotSameAs(saved);
        assertThat(store.load(KEY)).get().isEqualTo(saved).isNotSameAs(first);
        assertThatThrownBy(() -> RedisStackStore.builder(redis).decodedStacks(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void olderFormat_isMigratedOnLoad_andWrittenBack() {
        StackMigration fromV0 = (format, document) -> {
            assertThat(format).isZero();
            return document.replace("\"v\":0", "\"v\":1").replace("\"screen\":", "\"window\":");
        };
        RedisStackStore store = RedisStackStore.builder(redis)
                .keyPrefix(prefix)
                .migration(fromV0)
                .build();
        String v1 = StackCodec.encode(stack(4));
        redis.set(store.redisKey(KEY), v1.replace("\"v\":1", "\"v\":0").replace("\"window\":", "\"screen\":"));

        assertThat(store.load(KEY)).contains(stack(4));
        assertThat(redis.get(store.redisKey(KEY))).isEqualTo(v1);
        assertThat(store.save(KEY, 4, stack(5))).isTrue();
    }

    @Test
    void olderFormat_withoutMigration_failsToLoad_withAClearError() {
        RedisStackStore store = RedisStackStore.builder(redis).keyPrefix(prefix).build();
        redis.set(store.redisKey(KEY), StackCodec.encode(stack(1)).replace("\"v\":1", "\"v\":0"));

        assertThatThrownBy(() -> store.load(KEY))
                .isInstanceOf(StackStoreException.class)
                .hasMessageContaining("format 0");
    }

    @Test
    void migrationThatFails_orLeavesTheOldFormat_failsToLoad_andChangesNothing() {
        String old = StackCodec.encode(stack(1)).replace("\"v\":1", "\"v\":0");
        RedisStackStore failing = RedisStackStore.builder(redis)
                .keyPrefix(prefix)
                .migration((format, document) -> {
                    throw new IllegalArgumentException("unknown field");
                })
                .build();
        RedisStackStore lazy = RedisStackStore.builder(redis)
                .keyPrefix(prefix)
                .migration((format, document) -> document)
                .build();
        redis.set(failing.redisKey(KEY), old);

        assertThatThrownBy(() -> failing.load(KEY))
                .isInstanceOf(StackStoreException.class)
                .hasMessageContaining("could not be migrated: unknown field");
        assertThatThrownBy(() -> lazy.load(KEY))
                .isInstanceOf(StackStoreException.class)
                .hasMessageContaining("left it at format 0");
        assertThat(redis.get(failing.redisKey(KEY))).isEqualTo(old);
    }

    @Test
    void corruptStoredValue_failsLoadAndSave_withStackStoreException_andIsNotOverwritten() {
        RedisStackStore store = RedisStackStore.builder(redis).keyPrefix(prefix).build();
        redis.set(store.redisKey(KEY), "not json");

        assertThatThrownBy(() -> store.load(KEY)).isInstanceOf(StackStoreException.class);
        assertThatThrownBy(() -> store.save(KEY, 0, stack(1)))
                .isInstanceOf(StackStoreException.class)
                .hasMessageContaining("no numeric \"version\"");
        assertThat(redis.get(store.redisKey(KEY))).isEqualTo("not json");
    }

    @Test
    void unreachableRedis_throwsStackStoreException_withoutThePassword() {
        String url = "redis://bot:s3cret-pass@127.0.0.1:" + TestRedis.freePort();
        try (JedisPooled nowhere = new JedisPooled(URI.create(url))) {
            RedisStackStore store = RedisStackStore.of(nowhere, Duration.ofMinutes(1));

            assertThatThrownBy(() -> store.load(KEY))
                    .isInstanceOf(StackStoreException.class)
                    .hasMessageContaining("Redis could not load")
                    .hasMessageNotContaining("s3cret");
            assertThatThrownBy(() -> store.save(KEY, 0, stack(1)))
                    .isInstanceOf(StackStoreException.class)
                    .hasMessageContaining("Redis could not save")
                    .hasMessageNotContaining("s3cret");
        }
    }

    @Test
    void builder_refusesBracesInThePrefix_andATtlUnderAMillisecond() {
        assertThatThrownBy(() -> RedisStackStore.builder(redis).keyPrefix("bot{1}:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hash tag");
        assertThatThrownBy(() -> RedisStackStore.builder(redis).ttl(Duration.ofNanos(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
