package dev.tgdialog.redis;

import static dev.tgdialog.redis.SharedChat.deliver;
import static dev.tgdialog.redis.SharedChat.deliverAndWait;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.DialogBot;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.testing.FakeTelegram;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The pair on a real Redis Cluster of three masters, through the current cluster client: every command of an update
 * goes to the slot of the user's hash tag, and two bot instances serve 20 users' clicks with none lost and none
 * applied twice, also while the slot of some of them moves to another master.
 */
class RedisClusterTest {
    static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = new TestCluster(3);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    /** One bot process on the cluster: its own client, pair and threads. */
    private static final class Instance implements AutoCloseable {
        final RedisClusterClient redis = cluster.client();
        final ExecutorService pool = Executors.newFixedThreadPool(4);
        final RedisDialogs pair;
        final DialogBot bot;

        Instance(SharedChat chat, String prefix) {
            pair = RedisDialogs.builder(redis)
                    .keyPrefix(prefix)
                    .lease(Duration.ofSeconds(5))
                    .maxWait(Duration.ofSeconds(20))
                    .executor(pool)
                    .maxQueuedPerKey(100)
                    .build();
            bot = chat.bot(b -> {
                CounterDialogs.commands(b);
                b.store(pair.store()).isolation(pair.isolation()).executor(pool);
            });
        }

        @Override
        public void close() {
            bot.stop();
            pair.close();
            pool.shutdownNow();
            redis.close();
        }
    }

    private static List<Long> applied(RedisDialogs pair, long userId) {
        Stack stack = pair.store()
                .load(StackKey.of(FakeTelegram.BOT_ID, userId, userId))
                .orElseThrow();
        String json = stack.top().orElseThrow().data().getOrDefault("applied", "\"\"");
        String list = json.substring(1, json.length() - 1);
        return list.isEmpty()
                ? List.of()
                : Arrays.stream(list.split(",")).map(Long::valueOf).toList();
    }

    private static int slot(String prefix, long userId) {
        return JedisClusterCRC16.getSlot(RedisKeys.stack(prefix, StackKey.of(FakeTelegram.BOT_ID, userId, userId)));
    }

    @Test
    void twoInstances_20Users_200Clicks_noneLostNoneTwice_whileASlotMovesToAnotherMaster() throws Exception {
        String prefix = TestRedis.uniquePrefix();
        SharedChat first = new SharedChat();
        List<SharedChat> users = new ArrayList<>();
        for (int u = 0; u < 20; u++) {
            users.add(first.otherUser(7000 + u));
        }
        try (Instance a = new Instance(first, prefix);
                Instance b = new Instance(first, prefix)) {
            for (SharedChat user : users) {
                deliverAndWait(a.bot, user.message("/count"));
            }
            assertThat(users.stream()
                            .map(u -> slot(prefix, u.userId))
                            .distinct()
                            .count())
                    .as("the users' stacks spread over slots")
                    .isGreaterThan(10);
            SharedChat moving = users.get(0);
            int slot = slot(prefix, moving.userId);
            int from = cluster.owner(slot);
            int to = cluster.ports().stream().filter(p -> p != from).findFirst().orElseThrow();

            List<List<Long>> sent = new ArrayList<>();
            users.forEach(u -> sent.add(new ArrayList<>()));
            for (int round = 0; round < 10; round++) {
                if (round == 3) {
                    cluster.beginMigration(slot, from, to);
                } else if (round == 5) {
                    cluster.moveKeys(slot, from, to);
                } else if (round == 7) {
                    cluster.endMigration(slot, to);
                }
                List<CompletableFuture<?>> inFlight = new ArrayList<>();
                for (int u = 0; u < users.size(); u++) {
                    Update click = users.get(u).click("+1");
                    sent.get(u).add(click.updateId());
                    inFlight.add(deliver((u + round) % 2 == 0 ? a.bot : b.bot, click));
                }
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                        .get(60, TimeUnit.SECONDS);
            }

            assertThat(cluster.owner(slot)).as("the slot moved").isEqualTo(to);
            for (int u = 0; u < users.size(); u++) {
                SharedChat user = users.get(u);
                assertThat(applied(b.pair, user.userId))
                        .as("user " + user.userId)
                        .containsExactlyElementsOf(sent.get(u));
                assertThat(user.lastMessage().text()).isEqualTo("Count: 10");
            }
            System.out.printf(
                    "cluster: 2 instances, 20 users, 200 clicks, slot %d moved %d -> %d mid-run: 0 lost, 0 doubled;"
                            + " %d commands in %d round trips (instance a)%n",
                    slot, from, to, a.pair.commandsSent(), a.pair.roundTrips());
        }
    }
}
