package dev.tgdialog.redis;

import static dev.tgdialog.redis.SharedChat.deliver;
import static dev.tgdialog.redis.SharedChat.deliverAndWait;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.tgdialog.DialogBot;
import dev.tgdialog.store.Frame;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStoreException;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.test.LogCapture;
import dev.tgdialog.testing.CallbackAnswer;
import dev.tgdialog.testing.FakeTelegram;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/**
 * Bots that run as several instances on one Redis, through the real engine: each instance has its own Jedis
 * client, store, lock and handler pool, as separate processes would; they share only Redis and Telegram.
 */
class TwoInstancesTest {
    private static final StackKey KEY = StackKey.of(FakeTelegram.BOT_ID, SharedChat.USER_ID, SharedChat.USER_ID);

    private final SharedChat chat = new SharedChat();
    private final String prefix = TestRedis.uniquePrefix();
    private final List<Instance> instances = new ArrayList<>();

    /** One bot process: its own client, store, isolation and threads. */
    private final class Instance implements AutoCloseable {
        final JedisPooled redis;
        final RedisStackStore store;
        final RedisUpdateIsolation isolation;
        final ExecutorService pool = Executors.newFixedThreadPool(4);
        final DialogBot bot;

        Instance(String url, Duration ttl) {
            redis = new JedisPooled(java.net.URI.create(url));
            // The burst test keeps 100 clicks of one user in flight per instance, past the default bound per key.
            if (paired()) {
                RedisDialogs pair = RedisDialogs.builder(redis)
                        .keyPrefix(prefix)
                        .ttl(ttl)
                        .lease(Duration.ofSeconds(2))
                        .maxWait(Duration.ofSeconds(20))
                        .executor(pool)
                        .maxQueuedPerKey(100)
                        .build();
                store = pair.store();
                isolation = pair.isolation();
            } else {
                store = RedisStackStore.builder(redis)
                        .keyPrefix(prefix)
                        .ttl(ttl)
                        .build();
                isolation = RedisUpdateIsolation.builder(redis)
                        .keyPrefix(prefix)
                        .lease(Duration.ofSeconds(2))
                        .maxWait(Duration.ofSeconds(20))
                        .executor(pool)
                        .maxQueuedPerKey(100)
                        .build();
            }
            bot = chat.bot(b -> {
                CounterDialogs.commands(b);
                b.store(store).isolation(isolation).executor(pool);
            });
            instances.add(this);
        }

        @Override
        public void close() {
            if (instances.remove(this)) {
                bot.stop();
                isolation.close();
                pool.shutdownNow();
                redis.close();
            }
        }
    }

    /** Whether each instance's store and isolation are a {@link RedisDialogs} pair ({@code TwoPairedInstancesTest}). */
    protected boolean paired() {
        return false;
    }

    private Instance start() {
        return new Instance(TestRedis.url(), Duration.ofHours(1));
    }

    @AfterEach
    void stopAll() {
        new ArrayList<>(instances).forEach(Instance::close);
        try (JedisPooled redis = TestRedis.client()) {
            redis.del(RedisKeys.stack(prefix, KEY), RedisKeys.lock(prefix, KEY));
        }
    }

    @Test
    void twoInstances_200InterleavedClicks_eachAppliedOnce_inTheOrderTheUserMadeThem() {
        Instance a = start();
        Instance b = start();
        deliverAndWait(a.bot, chat.message("/count"));

        List<Long> clicks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Update click = chat.click("+1");
            clicks.add(click.updateId());
            deliverAndWait(i % 2 == 0 ? a.bot : b.bot, click);
        }

        assertThat(chat.lastMessage().text()).isEqualTo("Count: 200");
        assertThat(applied(a)).containsExactlyElementsOf(clicks);
        assertThat(a.store.load(KEY).orElseThrow().version()).isEqualTo(201);
    }

    @Test
    void twoInstances_burstOf200ClicksAllInFlight_noneLostNoneTwice_eachInstanceKeepsItsArrivalOrder()
            throws Exception {
        Instance a = start();
        Instance b = start();
        deliverAndWait(a.bot, chat.message("/count"));

        List<Long> toA = new ArrayList<>();
        List<Long> toB = new ArrayList<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Update click = chat.click("+1");
            boolean even = i % 2 == 0;
            (even ? toA : toB).add(click.updateId());
            inFlight.add(deliver(even ? a.bot : b.bot, click));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        List<Long> applied = applied(b);
        assertThat(applied)
                .hasSize(200)
                .doesNotHaveDuplicates()
                .containsAll(toA)
                .containsAll(toB);
        assertThat(applied.stream().filter(toA::contains).toList()).containsExactlyElementsOf(toA);
        assertThat(applied.stream().filter(toB::contains).toList()).containsExactlyElementsOf(toB);
        assertThat(chat.lastMessage().text()).isEqualTo("Count: 200");
        assertThat(chat.telegram.callbackAnswers()).hasSize(200);
    }

    @Test
    void updateRedeliveredToTheOtherInstance_isRecognised_andNotAppliedTwice() {
        Instance a = start();
        Instance b = start();
        deliverAndWait(a.bot, chat.message("/count"));
        Update click = chat.click("+1");

        deliverAndWait(a.bot, click);
        deliverAndWait(b.bot, click);
        deliverAndWait(a.bot, click);

        assertThat(applied(a)).containsExactly(click.updateId());
        assertThat(chat.lastMessage().text()).isEqualTo("Count: 1");
    }

    @Test
    void botRestartedInTheMiddleOfAWizard_resumesAtTheSameWindow_withItsData() {
        Instance before = start();
        deliverAndWait(before.bot, chat.message("/wizard"));
        deliverAndWait(before.bot, chat.click("Ann"));
        deliverAndWait(before.bot, chat.click("Pick"));
        assertThat(chat.lastMessage().text()).isEqualTo("Pick a size");
        before.close();

        Instance after = start();
        assertThat(after.store.load(KEY).orElseThrow().frames())
                .extracting(Frame::dialogId)
                .containsExactly("wizard", "picker");
        deliverAndWait(after.bot, chat.click("L"));
        assertThat(chat.lastMessage().text()).isEqualTo("Ann, size L");
        deliverAndWait(after.bot, chat.click("Next"));

        assertThat(chat.lastMessage().text()).isEqualTo("Confirm: Ann, L");
    }

    @Test
    void redisStoppedMidRun_clicksAreAnsweredTryAgain_messagesComeAgain_andAfterItIsBackEachIsAppliedOnce(
            @TempDir Path data) throws Exception {
        TestRedis.Server server = TestRedis.Server.start(TestRedis.freePort(), data);
        try {
            Instance a = new Instance(server.url(), Duration.ofHours(1));
            Instance b = new Instance(server.url(), Duration.ofHours(1));
            deliverAndWait(a.bot, chat.message("/count"));
            List<Long> clicks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Update click = chat.click("+1");
                clicks.add(click.updateId());
                deliverAndWait(i % 2 == 0 ? a.bot : b.bot, click);
            }
            Update appliedButUnconfirmed = chat.click("+1");
            clicks.add(appliedButUnconfirmed.updateId());
            deliverAndWait(a.bot, appliedButUnconfirmed);

            server.stop();
            List<Update> failed = new ArrayList<>();
            try (LogCapture logs = new LogCapture()) {
                for (int i = 0; i < 6; i++) {
                    Update typed = chat.message("+1");
                    clicks.add(typed.updateId());
                    Throwable error = failure(deliver(i % 2 == 0 ? a.bot : b.bot, typed));
                    assertThat(error)
                            .as("message %d while Redis is down", typed.updateId())
                            .isInstanceOf(StackStoreException.class)
                            .hasMessageContaining("Redis could not");
                    failed.add(typed);
                }
                int answered = chat.telegram.callbackAnswers().size();
                for (int i = 0; i < 3; i++) {
                    Update click = chat.click("+1");
                    assertThat(failure(deliver(i % 2 == 0 ? a.bot : b.bot, click)))
                            .as("a click while Redis is down is acknowledged, not delivered again")
                            .isNull();
                }
                assertThat(chat.telegram.callbackAnswers().subList(answered, answered + 3))
                        .extracting(CallbackAnswer::text)
                        .containsOnly("Temporarily unavailable, please try again in a moment");
                assertThat(logs.at(Level.WARN))
                        .as("one line per instance and outage, not per update")
                        .hasSize(2)
                        .allMatch(line -> line.contains("stack store cannot be reached"));
            }
            assertThat(chat.lastMessage().text())
                    .as("nothing applied while Redis was down")
                    .isEqualTo("Count: 7");

            server.restart();
            // Long polling hands back everything not confirmed, the applied one included, to whichever instance.
            redeliver(b.bot, appliedButUnconfirmed);
            for (int i = 0; i < failed.size(); i++) {
                redeliver(i % 2 == 0 ? b.bot : a.bot, failed.get(i));
            }

            assertThat(applied(a)).containsExactlyElementsOf(clicks);
            assertThat(chat.lastMessage().text()).isEqualTo("Count: 13");
        } finally {
            new ArrayList<>(instances).forEach(Instance::close);
            server.stop();
        }
    }

    @Test
    void livingStack_keepsEveryFrame_pastTheTtl_andAnIdleStackExpiresWhole() throws Exception {
        Duration ttl = Duration.ofMillis(600);
        Instance a = new Instance(TestRedis.url(), ttl);
        deliverAndWait(a.bot, chat.message("/wizard"));
        deliverAndWait(a.bot, chat.click("Ann"));
        deliverAndWait(a.bot, chat.click("Pick"));
        Update pickL = chat.click("L");

        // Redis's clock moves 300 ms before each update: the wizard's frame was written 1.2 s (two TTLs) ago, and
        // the stack lived on, and so did every frame.
        String stackKey = a.store.redisKey(KEY);
        for (int i = 0; i < 4; i++) {
            TestRedis.advance(a.redis, stackKey, 300);
            deliverAndWait(a.bot, chat.message("still here"));
        }
        assertThat(a.store.load(KEY).orElseThrow().frames())
                .extracting(Frame::dialogId)
                .containsExactly("wizard", "picker");

        TestRedis.advance(a.redis, stackKey, ttl.toMillis() * 3 / 2);
        assertThat(a.redis.exists(a.store.redisKey(KEY)))
                .as("the idle stack's key")
                .isFalse();
        deliverAndWait(a.bot, pickL);

        assertThat(chat.lastMessage().text()).isEqualTo("Pick a size");
        assertThat(chat.telegram
                        .callbackAnswers()
                        .get(chat.telegram.callbackAnswers().size() - 1)
                        .text())
                .isEqualTo("This button is no longer active");
    }

    /**
     * Hands an update back until it goes through, as intake does after a failure (bounded). After a restart each
     * pooled connection to the old server fails once and is dropped, so a few immediate repeats get through.
     */
    private static void redeliver(DialogBot bot, Update update) throws InterruptedException {
        Throwable last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            last = failure(deliver(bot, update));
            if (last == null) {
                return;
            }
        }
        throw new AssertionError("update " + update.updateId() + " never went through", last);
    }

    private static Throwable failure(CompletableFuture<?> handled) {
        try {
            handled.get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Long> applied(Instance instance) {
        Stack stack = instance.store.load(KEY).orElseThrow();
        String json = stack.top().orElseThrow().data().getOrDefault("applied", "\"\"");
        String list = json.substring(1, json.length() - 1);
        return list.isEmpty()
                ? List.of()
                : Arrays.stream(list.split(",")).map(Long::valueOf).toList();
    }
}
