package dev.tgdialog.redis;

import dev.tgdialog.store.StackStore;
import dev.tgdialog.store.StackStoreContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The core's stack-store contract on a real Redis. Time moves on Redis's own clock: {@link #advanceTime} takes the
 * time off every key's remaining TTL (and deletes the keys it runs out), which is exactly what that much idle time
 * would do, without waiting. {@code RedisTtlTest} checks the same with real waiting.
 */
class RedisStackStoreContractTest extends StackStoreContract {
    private static final String ADVANCE = """
            local t = redis.call('PTTL', KEYS[1])
            if t > 0 then
              if t - tonumber(ARGV[1]) <= 0 then
                redis.call('DEL', KEYS[1])
              else
                redis.call('PEXPIRE', KEYS[1], t - tonumber(ARGV[1]))
              end
            end
            return t
            """;

    private static JedisPooled redis;
    private final List<String> prefixes = new ArrayList<>();

    @BeforeAll
    static void connect() {
        redis = TestRedis.client();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @AfterEach
    void removeKeys() {
        for (String prefix : prefixes) {
            keys(prefix).forEach(redis::del);
        }
    }

    @Override
    protected StackStore newStore(Duration ttl) {
        return RedisStackStore.builder(redis).keyPrefix(newPrefix()).ttl(ttl).build();
    }

    /** A key prefix of this test's own, whose keys are removed after it. */
    protected String newPrefix() {
        String prefix = TestRedis.uniquePrefix();
        prefixes.add(prefix);
        return prefix;
    }

    protected static JedisPooled redis() {
        return redis;
    }

    @Override
    protected void advanceTime(Duration by) {
        for (String prefix : prefixes) {
            for (String key : keys(prefix)) {
                redis.eval(ADVANCE, List.of(key), List.of(Long.toString(by.toMillis())));
            }
        }
    }

    private static List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page =
                    redis.scan(cursor, new ScanParams().match(prefix + "*").count(1000));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }
}
