package dev.tgdialog.redis;

import static dev.tgdialog.redis.SharedChat.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.DialogBot;
import dev.tgdialog.store.Frame;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.testing.FakeTelegram;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisSentinelClient;
import redis.embedded.RedisSentinel;
import redis.embedded.RedisServer;

/**
 * The pair on a Sentinel-managed primary and replica, through Jedis 7's sentinel client: the primary is killed in the
 * middle of 20 users' wizards, the three Sentinels promote the replica, and every user's wizard carries on to its end
 * with nothing applied twice and nobody in another's state. Updates that fail meanwhile come again, as Telegram
 * delivers a message again and a user clicks again after "try again".
 */
class RedisSentinelTest {
    static final String MASTER = "tgdialog";

    @Test
    void thePrimaryDies_mid20Wizards_aReplicaTakesOver_andEveryWizardCarriesOn() throws Exception {
        int primaryPort = TestRedis.freePort();
        int replicaPort = TestRedis.freePort();
        RedisServer primary = server(primaryPort, null);
        RedisServer replica = server(replicaPort, primaryPort);
        List<RedisSentinel> sentinels = new ArrayList<>();
        Set<HostAndPort> sentinelAddresses = new HashSet<>();
        try {
            for (int i = 0; i < 3; i++) {
                int port = TestRedis.freePort();
                RedisSentinel sentinel = RedisSentinel.newRedisSentinel()
                        .bind("127.0.0.1")
                        .port(port)
                        .masterName(MASTER)
                        .masterPort(primaryPort)
                        .quorumSize(2)
                        .downAfterMilliseconds(500)
                        .failOverTimeout(2000)
                        .parallelSyncs(1)
                        .build();
                sentinel.start();
                sentinels.add(sentinel);
                sentinelAddresses.add(new HostAndPort("127.0.0.1", port));
            }
            String prefix = TestRedis.uniquePrefix();
            SharedChat first = new SharedChat();
            List<SharedChat> users = new ArrayList<>();
            for (int u = 0; u < 20; u++) {
                users.add(first.otherUser(9000 + u));
            }
            try (RedisSentinelClient redis = RedisSentinelClient.builder()
                            .masterName(MASTER)
                            .sentinels(sentinelAddresses)
                            .build();
                    RedisDialogs pair = RedisDialogs.builder(redis)
                            .keyPrefix(prefix)
                            .lease(Duration.ofSeconds(3))
                            .build()) {
                ExecutorService pool = Executors.newFixedThreadPool(4);
                DialogBot bot = first.bot(b -> {
                    CounterDialogs.commands(b);
                    b.store(pair.store()).isolation(pair.isolation()).executor(pool);
                });
                try {
                    for (SharedChat user : users) {
                        until(bot, user, () -> user.message("/wizard"), "Your name?", null, redis, primaryPort);
                        until(bot, user, () -> user.click("Ann"), "Ann, size none", null, redis, primaryPort);
                    }
                    int before = redis.getCurrentMaster().getPort();
                    CountDownLatch switched =
                            switchAnnounced(sentinelAddresses.iterator().next());
                    primary.stop();
                    long killed = System.nanoTime();
                    int again = 0;
                    for (SharedChat user : users) {
                        again +=
                                until(bot, user, () -> user.click("Pick"), "Pick a size", switched, redis, replicaPort);
                        again += until(bot, user, () -> user.click("L"), "Ann, size L", switched, redis, replicaPort);
                        again += until(
                                bot, user, () -> user.click("Next"), "Confirm: Ann, L", switched, redis, replicaPort);
                    }
                    int after = redis.getCurrentMaster().getPort();

                    assertThat(before).isEqualTo(primaryPort);
                    assertThat(after).as("the replica was promoted").isEqualTo(replicaPort);
                    for (SharedChat user : users) {
                        List<Frame> frames = pair.store()
                                .load(StackKey.of(FakeTelegram.BOT_ID, user.userId, user.userId))
                                .orElseThrow()
                                .frames();
                        assertThat(frames)
                                .as("user " + user.userId + ": one wizard at its end, no picker left open twice")
                                .extracting(Frame::dialogId, Frame::windowId)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple("wizard", "CONFIRM"));
                        assertThat(frames.get(0).data())
                                .containsEntry("name", "\"Ann\"")
                                .containsEntry("size", "\"L\"");
                    }
                    System.out.printf(
                            "sentinel: primary %d killed, replica %d promoted; 20 wizards ended %d ms later,"
                                    + " %d updates had to come again during the failover%n",
                            before, after, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed), again);
                } finally {
                    bot.stop();
                    pool.shutdownNow();
                }
            }
        } finally {
            for (RedisSentinel sentinel : sentinels) {
                stopQuietly(sentinel::stop);
            }
            stopQuietly(replica::stop);
            stopQuietly(primary::stop);
        }
    }

    /**
     * Delivers what {@code next} makes until the user sees {@code expected}, as Telegram and the user would: a failed
     * message comes again, a click answered "try again" is made again, once the Sentinels announced the new primary
     * and the client follows it (no pause on a clock). How many more tries it took.
     */
    private static int until(
            DialogBot bot,
            SharedChat user,
            Supplier<Update> next,
            String expected,
            @Nullable CountDownLatch switched,
            RedisSentinelClient redis,
            int primaryPort)
            throws InterruptedException {
        Update update = next.get();
        for (int tries = 0; tries < 100; tries++) {
            try {
                deliver(bot, update).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Not applied: the stack store was unreachable.
            }
            if (expected.equals(user.lastMessage().text())) {
                return tries;
            }
            if (switched == null || !switched.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("user " + user.userId + " never saw \"" + expected + "\", and no failover"
                        + " was announced; last: " + user.lastMessage().text());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (redis.getCurrentMaster().getPort() != primaryPort && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            if (update.callbackQuery() != null) {
                update = next.get();
            }
        }
        throw new AssertionError("user " + user.userId + " never saw \"" + expected + "\"; last: "
                + user.lastMessage().text());
    }

    /** Counts down when a Sentinel announces that a replica was made the primary ({@code +switch-master}). */
    private static CountDownLatch switchAnnounced(HostAndPort sentinel) throws InterruptedException {
        CountDownLatch switched = new CountDownLatch(1);
        CountDownLatch listening = new CountDownLatch(1);
        Thread listener = new Thread(() -> {
            try (Jedis jedis = new Jedis(sentinel)) {
                jedis.subscribe(
                        new JedisPubSub() {
                            @Override
                            public void onSubscribe(String channel, int subscribed) {
                                listening.countDown();
                            }

                            @Override
                            public void onMessage(String channel, String message) {
                                switched.countDown();
                                unsubscribe();
                            }
                        },
                        "+switch-master");
            }
        });
        listener.setDaemon(true);
        listener.start();
        assertThat(listening.await(10, TimeUnit.SECONDS))
                .as("subscribed to a Sentinel")
                .isTrue();
        return switched;
    }

    private static RedisServer server(int port, @Nullable Integer replicaOf) throws IOException {
        var builder = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no");
        if (replicaOf != null) {
            builder.slaveOf("127.0.0.1", replicaOf);
        }
        RedisServer server = builder.build();
        server.start();
        return server;
    }

    private interface Stop {
        void stop() throws IOException;
    }

    private static void stopQuietly(Stop stop) {
        try {
            stop.stop();
        } catch (IOException | RuntimeException e) {
            // Stopping the others matters more.
        }
    }
}
