package dev.tgdialog.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.store.Frame;
import dev.tgdialog.store.ShownMessage;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackCodec;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStoreException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * What {@link RedisStackStore#forgetUser} and {@link RedisStackStore#moveChat} do beyond the contract: locks, key
 * prefixes that are globs themselves, time-to-live, documents of older formats or none, an unreachable Redis.
 */
class RedisForgetAndMoveTest {
    private static final long BOT = 7;
    private static final long USER = 42;
    private static final long GROUP = -500;
    private static final long SUPERGROUP = -1005000000000L;

    private final String base = TestRedis.uniquePrefix();
    private final JedisPooled redis = TestRedis.client();

    @AfterEach
    void close() {
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page =
                    redis.scan(cursor, new ScanParams().match(base + "*").count(1000));
            page.getResult().forEach(redis::del);
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        redis.close();
    }

    private static Stack stack(long version) {
        Frame frame = new Frame("0", "menu", "MAIN", 1, null, Map.of("n", String.valueOf(version)), Map.of(), Map.of());
        return new Stack("", List.of(frame), version, new ShownMessage(77, "text", "h"), List.of(version), 1);
    }

    @Test
    void forgetUser_deletesTheUsersLocksToo_butNoKeyOfAnotherPrefixThatTheGlobWouldMatch() {
        // Unescaped, "a*[b]?:" as a SCAN pattern would match every key of "aXbY:" too.
        RedisStackStore store =
                RedisStackStore.builder(redis).keyPrefix(base + "a*[b]?:").build();
        RedisStackStore neighbour =
                RedisStackStore.builder(redis).keyPrefix(base + "aXbY:").build();
        StackKey privateChat = StackKey.of(BOT, USER, USER);
        StackKey inGroup = new StackKey(BOT, GROUP, USER, 3, "side");
        StackKey someoneElse = StackKey.of(BOT, GROUP, USER + 1);
        for (StackKey key : List.of(privateChat, inGroup, someoneElse)) {
            store.save(key, 0, stack(1));
            neighbour.save(key, 0, stack(1));
            redis.set(RedisKeys.lock(base + "a*[b]?:", key), "token");
            redis.set(RedisKeys.lock(base + "aXbY:", key), "token");
        }

        assertThat(store.forgetUser(BOT, USER)).isEqualTo(2);

        assertThat(keys())
                .containsExactlyInAnyOrder(
                        RedisKeys.stack(base + "a*[b]?:", someoneElse), RedisKeys.lock(base + "a*[b]?:", someoneElse),
                        RedisKeys.stack(base + "aXbY:", privateChat), RedisKeys.lock(base + "aXbY:", privateChat),
                        RedisKeys.stack(base + "aXbY:", inGroup), RedisKeys.lock(base + "aXbY:", inGroup),
                        RedisKeys.stack(base + "aXbY:", someoneElse), RedisKeys.lock(base + "aXbY:", someoneElse));
    }

    @Test
    void moveChat_storesTheMovedStackInTheCurrentFormat_withAFreshTtl_andLeavesTheOldChatsLocks() {
        StackMigration fromV0 = (format, document) -> document.replace("\"v\":0", "\"v\":1");
        RedisStackStore store = RedisStackStore.builder(redis)
                .keyPrefix(base)
                .ttl(Duration.ofMinutes(10))
                .migration(fromV0)
                .build();
        StackKey old = StackKey.of(BOT, GROUP, USER);
        StackKey moved = StackKey.of(BOT, SUPERGROUP, USER);
        redis.set(store.redisKey(old), StackCodec.encode(stack(3)).replace("\"v\":1", "\"v\":0"));
        redis.pexpire(store.redisKey(old), 1000);
        redis.set(RedisKeys.lock(base, old), "token");

        assertThat(store.moveChat(BOT, GROUP, SUPERGROUP)).isEqualTo(1);

        assertThat(redis.get(store.redisKey(moved))).isEqualTo(StackCodec.encode(stack(3).withoutLastMessage()));
        assertThat(redis.pttl(store.redisKey(moved)))
                .isBetween(
                        Duration.ofMinutes(9).toMillis(), Duration.ofMinutes(10).toMillis());
        assertThat(redis.exists(store.redisKey(old))).isFalse();
        assertThat(redis.get(RedisKeys.lock(base, old)))
                .as("a lock holds no state; its lease ends it")
                .isEqualTo("token");
    }

    @Test
    void moveChat_leavesAnUnreadableDocumentToExpire_andMovesTheRest() {
        RedisStackStore store = RedisStackStore.builder(redis).keyPrefix(base).build();
        StackKey broken = StackKey.of(BOT, GROUP, USER);
        StackKey fine = StackKey.of(BOT, GROUP, USER + 1);
        redis.set(store.redisKey(broken), "not json");
        store.save(fine, 0, stack(1));

        assertThat(store.moveChat(BOT, GROUP, SUPERGROUP)).isEqualTo(1);

        assertThat(redis.get(store.redisKey(broken))).isEqualTo("not json");
        assertThat(store.load(StackKey.of(BOT, SUPERGROUP, USER))).isEmpty();
        assertThat(store.load(StackKey.of(BOT, SUPERGROUP, USER + 1))).contains(stack(1).withoutLastMessage());
    }

    @Test
    void unreachableRedis_failsBothWithStackStoreException_withoutThePassword() {
        String url = "redis://bot:s3cret-pass@127.0.0.1:" + TestRedis.freePort();
        try (JedisPooled nowhere = new JedisPooled(URI.create(url))) {
            RedisStackStore store = RedisStackStore.of(nowhere, Duration.ofMinutes(1));

            assertThatThrownBy(() -> store.forgetUser(BOT, USER))
                    .isInstanceOf(StackStoreException.class)
                    .hasMessageContaining("Redis could not scan for the stacks of user 42")
                    .hasMessageNotContaining("s3cret");
            assertThatThrownBy(() -> store.moveChat(BOT, GROUP, SUPERGROUP))
                    .isInstanceOf(StackStoreException.class)
                    .hasMessageContaining("Redis could not scan for the stacks of chat -500")
                    .hasMessageNotContaining("s3cret");
        }
    }

    @Test
    void keysOfTheLayout_parseBack_andNothingElseDoes() {
        StackKey key = new StackKey(BOT, GROUP, USER, 9, "x:42}:y{z}");

        assertThat(RedisKeys.parse("p:", RedisKeys.stack("p:", key))).isEqualTo(new RedisKeys.Parsed("stack", key));
        assertThat(RedisKeys.parse("p:", RedisKeys.lock("p:", key))).isEqualTo(new RedisKeys.Parsed("lock", key));
        for (String other : List.of(
                "q:stack:{7:-500:42}:9:",
                "p:stack:{7:-500}:9:",
                "p:stack:{7:-500:42:1}:9:",
                "p:stack:{7:-500:+42}:9:",
                "p:stack:{7:-500:042}:9:",
                "p:stack:{7:-500:42}:9",
                "p:stack:{7:-500:42}",
                "p:stack:{7:-500:42}x9:",
                "p:stack:{7:-500:a}:9:",
                "p:other:{7:-500:42}:9:",
                "p:stack:")) {
            assertThat(RedisKeys.parse("p:", other)).as(other).isNull();
        }
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page =
                    redis.scan(cursor, new ScanParams().match(base + "*").count(1000));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }
}
