package dev.tgdialog.redis;

import static dev.tgdialog.redis.SharedChat.deliverAndWait;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.DialogBot;
import dev.tgdialog.store.Frame;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackCodec;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.store.UpdateIsolation;
import dev.tgdialog.testing.FakeTelegram;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * What a {@link RedisDialogs} pair costs and keeps: two round trips per update through the real engine (counted
 * at the client and, on a server of the test's own, by the server), the stack read only once the lock is held, and
 * that read used once, for its own key.
 */
class RedisDialogsTest {
    private static final StackKey KEY = StackKey.of(FakeTelegram.BOT_ID, SharedChat.USER_ID, SharedChat.USER_ID);
    private static final StackKey OTHER = StackKey.of(1, 2, 3);

    private final String prefix = TestRedis.uniquePrefix();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(closing);
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T closing(T c) {
        closing.add(c);
        return c;
    }

    private static Stack stack(long version) {
        Frame frame = new Frame("0", "menu", "MAIN", 1, null, Map.of("n", String.valueOf(version)), Map.of(), Map.of());
        return new Stack("", List.of(frame), version, null, List.of(version), 1);
    }

    /** Sends /count and {@code clicks} clicks of "+1" one by one; the commands each click sent, per click. */
    private List<List<String>> clicks(
            StackStore store, UpdateIsolation isolation, CountingRedis counted, ExecutorService pool, int clicks) {
        SharedChat chat = new SharedChat();
        DialogBot bot = chat.bot(b -> {
            CounterDialogs.commands(b);
            b.store(store).isolation(isolation).executor(pool);
        });
        try {
            // The first update may load the scripts into the server (NOSCRIPT, then EVAL): not counted.
            deliverAndWait(bot, chat.message("/count"));
            counted.drain();
            List<List<String>> perClick = new ArrayList<>();
            for (int i = 0; i < clicks; i++) {
                deliverAndWait(bot, chat.click("+1"));
                perClick.add(counted.drain());
            }
            assertThat(chat.lastMessage().text()).isEqualTo("Count: " + clicks);
            return perClick;
        } finally {
            bot.stop();
        }
    }

    @Test
    void pair_costsThreeRoundTripsPerUpdate_countedByTheClient_andByTheServer() throws Exception {
        TestRedis.Server server = TestRedis.Server.start(TestRedis.freePort(), null);
        try (JedisPooled admin = new JedisPooled(java.net.URI.create(server.url()))) {
            CountingRedis counted = new CountingRedis(server.url());
            closing(counted.client);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            closing(pool::shutdownNow);
            RedisDialogs pair = closing(RedisDialogs.builder(counted.client)
                    .keyPrefix(prefix)
                    .executor(pool)
                    .build());

            List<List<String>> perClick = clicks(pair.store(), pair.isolation(), counted, pool, 20);

            assertThat(perClick).hasSize(20).allSatisfy(sent -> assertThat(sent).containsExactly("EVALSHA", "EVALSHA"));
            // The server agrees (its own, fresh): a script call counts once under EVALSHA whatever it runs inside.
            // /count found no script loaded: 2 EVALSHA refused (NOSCRIPT), then 2 EVAL; each click 2 EVALSHA.
            assertThat(serverCalls(admin, "evalsha")).isEqualTo(2 + 40);
            assertThat(serverCalls(admin, "eval")).isEqualTo(2);
            assertThat(serverCalls(admin, "getex"))
                    .as("run inside the lock script, once per update")
                    .isEqualTo(21);
            assertThat(serverCalls(admin, "set"))
                    .as("the lock and the saved stack, per update")
                    .isEqualTo(42);
            assertThat(serverCalls(admin, "del"))
                    .as("the lock, released by the save's script")
                    .isEqualTo(21);
        } finally {
            closeAll();
            closing.clear();
            server.stop();
        }
    }

    @Test
    void pairOnJedisPooled_pipelines_inTwoRoundTripsOfThreeCommandsPerUpdate_countedByThePair_andByTheServer()
            throws Exception {
        TestRedis.Server server = TestRedis.Server.start(TestRedis.freePort(), null);
        try (JedisPooled redis = new JedisPooled(java.net.URI.create(server.url()));
                JedisPooled admin = new JedisPooled(java.net.URI.create(server.url()))) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            closing(pool::shutdownNow);
            RedisDialogs pair = closing(
                    RedisDialogs.builder(redis).keyPrefix(prefix).executor(pool).build());
            assertThat(pair.pipelined()).isTrue();
            SharedChat chat = new SharedChat();
            DialogBot bot = chat.bot(b -> {
                CounterDialogs.commands(b);
                b.store(pair.store()).isolation(pair.isolation()).executor(pool);
            });
            try {
                deliverAndWait(bot, chat.message("/count"));
                long before = pair.commandsSent();
                long roundTripsBefore = pair.roundTrips();
                for (int i = 0; i < 20; i++) {
                    deliverAndWait(bot, chat.click("+1"));
                }
                assertThat(chat.lastMessage().text()).isEqualTo("Count: 20");
                // Per click: SET NX and GETEX in one write (the lock, then the stack), then the save's EVALSHA.
                assertThat(pair.commandsSent() - before).isEqualTo(60);
                assertThat(pair.roundTrips() - roundTripsBefore).isEqualTo(40);
            } finally {
                bot.stop();
            }
            // /count found the save script not loaded: 1 EVALSHA refused (NOSCRIPT), then 1 EVAL; each click 1.
            assertThat(serverCalls(admin, "evalsha")).isEqualTo(1 + 20);
            assertThat(serverCalls(admin, "eval")).isEqualTo(1);
            assertThat(serverCalls(admin, "getex"))
                    .as("sent right after the lock's SET, once per update")
                    .isEqualTo(21);
            assertThat(serverCalls(admin, "set"))
                    .as("the lock and the saved stack, per update")
                    .isEqualTo(42);
            assertThat(serverCalls(admin, "del"))
                    .as("the lock, released by the save's script")
                    .isEqualTo(21);
        } finally {
            closeAll();
            closing.clear();
            server.stop();
        }
    }

    @Test
    void pairOnJedis7sRedisClient_pipelinesToo_inTwoRoundTripsOfThreeCommandsPerUpdate() {
        try (RedisClient client = RedisClient.create(java.net.URI.create(TestRedis.url()));
                RedisDialogs pair =
                        RedisDialogs.builder(client).keyPrefix(prefix).build()) {
            assertThat(pair.pipelined()).isTrue();
            SharedChat chat = new SharedChat();
            DialogBot bot = chat.bot(b -> {
                CounterDialogs.commands(b);
                b.store(pair.store()).isolation(pair.isolation());
            });
            try {
                deliverAndWait(bot, chat.message("/count"));
                long commands = pair.commandsSent();
                long roundTrips = pair.roundTrips();
                long writes = pair.writes();
                long wireNanos = pair.wireNanos();
                for (int i = 0; i < 10; i++) {
                    deliverAndWait(bot, chat.click("+1"));
                }
                assertThat(chat.lastMessage().text()).isEqualTo("Count: 10");
                assertThat(pair.commandsSent() - commands).isEqualTo(30);
                assertThat(pair.roundTrips() - roundTrips).isEqualTo(20);
                // One click at a time: each request goes out alone, in a write of its own, timed to its reply.
                assertThat(pair.writes() - writes).isEqualTo(20);
                assertThat(pair.wireNanos() - wireNanos).isPositive();
            } finally {
                bot.stop();
            }
        }
    }

    @Test
    void pipelinedOff_orAClientThatIsNotJedisPooled_sendsOneBlockingCommandPerRoundTrip() {
        try (JedisPooled redis = TestRedis.client();
                RedisDialogs off = RedisDialogs.builder(redis)
                        .keyPrefix(prefix)
                        .pipelined(false)
                        .build()) {
            assertThat(off.pipelined()).isFalse();
            assertThat(off.writes()).isZero();
            assertThat(off.wireNanos()).isZero();
        }
        CountingRedis counted = new CountingRedis(TestRedis.url());
        closing(counted.client);
        assertThat(closing(RedisDialogs.builder(counted.client)
                                .keyPrefix(prefix)
                                .build())
                        .pipelined())
                .isFalse();
    }

    @Test
    void separateStoreAndIsolation_costFour() {
        CountingRedis counted = new CountingRedis(TestRedis.url());
        closing(counted.client);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        closing(pool::shutdownNow);
        RedisStackStore store =
                RedisStackStore.builder(counted.client).keyPrefix(prefix).build();
        RedisUpdateIsolation isolation = closing(RedisUpdateIsolation.builder(counted.client)
                .keyPrefix(prefix)
                .executor(pool)
                .build());

        List<List<String>> perClick = clicks(store, isolation, counted, pool, 5);

        assertThat(perClick).allSatisfy(sent -> assertThat(sent).containsExactly("SET", "GETEX", "EVALSHA", "EVALSHA"));
        cleanUp();
    }

    @Test
    void theStackIsReadOnlyOnceTheLockIsHeld_soAWriteByTheHolderBeforeItsReleaseIsSeen() throws Exception {
        CountingRedis counted = new CountingRedis(TestRedis.url());
        closing(counted.client);
        RedisDialogs pair =
                closing(RedisDialogs.builder(counted.client).keyPrefix(prefix).build());
        try (JedisPooled other = TestRedis.client()) {
            RedisStackStore otherStore =
                    RedisStackStore.builder(other).keyPrefix(prefix).build();
            String lock = pair.isolation().lockKey(KEY);
            other.set(lock, "other-instance", SetParams.setParams().px(5000));

            CompletableFuture<Optional<Stack>> seen = pair.isolation()
                    .run(
                            KEY,
                            () -> CompletableFuture.completedFuture(pair.store().load(KEY)));
            counted.awaitSent("EVALSHA", 1);
            assertThat(seen).as("the lock is held elsewhere, so the task waits").isNotDone();
            assertThat(otherStore.save(KEY, 0, stack(1))).isTrue();
            other.del(lock);

            assertThat(seen.get(5, TimeUnit.SECONDS)).contains(stack(1));
            assertThat(counted.drain())
                    .as("the load took the lock script's read")
                    .doesNotContain("GETEX")
                    .contains("EVALSHA");
        }
        cleanUp();
    }

    @Test
    void theReadWithTheLock_isUsedOnce_forItsOwnKey_andNotAfterASave() throws Exception {
        CountingRedis counted = new CountingRedis(TestRedis.url());
        closing(counted.client);
        RedisDialogs pair =
                closing(RedisDialogs.builder(counted.client).keyPrefix(prefix).build());
        RedisStackStore store = pair.store();
        store.save(KEY, 0, stack(1));
        Stack other = new Stack("", List.of(), 1, null, List.of(99L), 1);
        store.save(OTHER, 0, other);
        counted.drain();

        List<String> sentByLoads = pair.isolation()
                .run(KEY, () -> {
                    List<String> sent = new ArrayList<>();
                    counted.drain();
                    assertThat(store.load(KEY)).contains(stack(1));
                    sent.addAll(counted.drain());
                    assertThat(store.load(OTHER)).contains(other);
                    sent.addAll(counted.drain());
                    assertThat(store.load(KEY)).contains(stack(1));
                    sent.addAll(counted.drain());
                    return CompletableFuture.completedFuture(sent);
                })
                .get(5, TimeUnit.SECONDS);
        assertThat(sentByLoads)
                .as("first load of KEY free; OTHER and the second load read Redis")
                .containsExactly("GETEX", "GETEX");

        List<String> afterSave = pair.isolation()
                .run(KEY, () -> {
                    assertThat(store.save(KEY, 1, stack(2))).isTrue();
                    counted.drain();
                    assertThat(store.load(KEY)).contains(stack(2));
                    return CompletableFuture.completedFuture(counted.drain());
                })
                .get(5, TimeUnit.SECONDS);
        assertThat(afterSave).containsExactly("GETEX");

        counted.drain();
        assertThat(store.load(KEY)).as("a load outside any task").contains(stack(2));
        assertThat(counted.drain()).containsExactly("GETEX");
        cleanUp();
    }

    @Test
    void theReadWithTheLock_refreshesTheTtl_andGoesThroughTheMigration() throws Exception {
        StackMigration fromV0 =
                (format, document) -> document.replace("\"v\":0", "\"v\":1").replace("\"screen\":", "\"window\":");
        try (JedisPooled redis = TestRedis.client();
                RedisDialogs pair = RedisDialogs.builder(redis)
                        .keyPrefix(prefix)
                        .ttl(Duration.ofMinutes(10))
                        .migration(fromV0)
                        .build()) {
            String v1 = StackCodec.encode(stack(4));
            String key = pair.store().redisKey(KEY);
            redis.set(
                    key,
                    v1.replace("\"v\":1", "\"v\":0").replace("\"window\":", "\"screen\":"),
                    SetParams.setParams().px(1000));

            Optional<Stack> loaded = pair.isolation()
                    .run(
                            KEY,
                            () -> CompletableFuture.completedFuture(pair.store().load(KEY)))
                    .get(5, TimeUnit.SECONDS);

            assertThat(loaded).contains(stack(4));
            assertThat(redis.get(key)).isEqualTo(v1);
            assertThat(redis.pttl(key)).isGreaterThan(Duration.ofMinutes(9).toMillis());
            assertThat(redis.exists(pair.isolation().lockKey(KEY)))
                    .as("released")
                    .isFalse();
        }
        cleanUp();
    }

    @Test
    void noStackStored_loadsEmpty_withoutAskingAgain() throws Exception {
        CountingRedis counted = new CountingRedis(TestRedis.url());
        closing(counted.client);
        RedisDialogs pair =
                closing(RedisDialogs.builder(counted.client).keyPrefix(prefix).build());

        List<String> sent = pair.isolation()
                .run(KEY, () -> {
                    counted.drain();
                    assertThat(pair.store().load(KEY)).isEmpty();
                    return CompletableFuture.completedFuture(counted.drain());
                })
                .get(5, TimeUnit.SECONDS);

        assertThat(sent).isEmpty();
    }

    private void cleanUp() {
        try (JedisPooled redis = TestRedis.client()) {
            redis.del(RedisKeys.stack(prefix, KEY), RedisKeys.stack(prefix, OTHER), RedisKeys.lock(prefix, KEY));
        }
    }

    private static long serverCalls(JedisPooled admin, String command) {
        for (String line : admin.info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_" + command + ":")) {
                return Long.parseLong(line.replaceAll("^cmdstat_[^:]+:calls=(\\d+),.*$", "$1"));
            }
        }
        return 0;
    }
}
