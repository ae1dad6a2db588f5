package dev.tgdialog.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.redis.RedisDialogs;
import dev.tgdialog.redis.RedisStackStore;
import dev.tgdialog.redis.RedisUpdateIsolation;
import dev.tgdialog.redis.TestRedis;
import dev.tgdialog.spring.autoconfigure.TgdialogAutoConfiguration;
import dev.tgdialog.spring.test.BotHarnessAutoConfiguration;
import dev.tgdialog.spring.test.TgdialogTest;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.store.UpdateIsolation;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeUser;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.RedisClient;

/**
 * The Redis store, chosen by {@code tgdialog.redis.url} or by a Jedis client bean, on the real redis-server of
 * dialog-redis's tests ({@link TestRedis}: {@code REDIS_URL}, or the embedded-redis jar's server on a free loopback
 * port, stopped as the JVM exits). Each context keeps its keys under a prefix of its own.
 */
@TgdialogTest
class PizzaRedisTest {
    private static final String PREFIX = TestRedis.uniquePrefix();

    @Autowired
    BotHarness harness;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry properties) {
        properties.add("tgdialog.redis.url", TestRedis::url);
        properties.add("tgdialog.redis.key-prefix", () -> PREFIX);
    }

    @Test
    void withARedisUrl_theStacksLiveInRedis(@Autowired StackStore store, @Autowired UpdateIsolation isolation) {
        FakeUser ann = harness.user(3001, "Ann");

        ann.send("/start");
        ann.click("Order a pizza");

        assertThat(store).isInstanceOf(RedisStackStore.class);
        assertThat(isolation).isInstanceOf(RedisUpdateIsolation.class);
        try (RedisClient client = RedisClient.create(URI.create(TestRedis.url()))) {
            assertThat(client.keys(PREFIX + "stack:{" + FakeTelegram.BOT_ID + ":3001:3001}*"))
                    .singleElement()
                    .satisfies(key -> assertThat(client.get(key)).contains("\"order\""));
        }
        ann.click("Large");
        assertThat(ann.lastMessage().text()).isEqualTo("A large pizza. Order it?");
    }

    @Test
    void aJedisClientBean_isUsed_andNotClosedByThePair() {
        String prefix = TestRedis.uniquePrefix();
        try (RedisClient jedis = RedisClient.create(URI.create(TestRedis.url()))) {
            harnessedPizzaShop()
                    // Registered without a destroy method: the test owns the client, and the pair must not close it.
                    .withBean(RedisClient.class, () -> jedis, bean -> bean.setDestroyMethodName(""))
                    .withPropertyValues("tgdialog.redis.key-prefix=" + prefix)
                    .run(context -> {
                        context.getBean(BotHarness.class).user(3002, "Bob").send("/start");

                        assertThat(context.getBean(StackStore.class)).isInstanceOf(RedisStackStore.class);
                        assertThat(context.getBean(RedisDialogs.class).pipelined())
                                .isTrue();
                        assertThat(jedis.keys(prefix + "stack:*")).hasSize(1);
                    });
            assertThat(jedis.ping()).isEqualTo("PONG");
        }
    }

    @Test
    @SuppressWarnings("deprecation") // JedisPooled: the standalone client of Jedis 6, deprecated in 7
    void jedis6_asSpringBootsParentPinsIt_stopsTheContext_namingTheProperty() {
        try (JedisPooled jedis = new JedisPooled(URI.create(TestRedis.url()))) {
            harnessedPizzaShop()
                    // What Jedis 6 lacks: Jedis 7's standalone client.
                    .withClassLoader(new FilteredClassLoader(RedisClient.class))
                    .withBean(JedisPooled.class, () -> jedis, bean -> bean.setDestroyMethodName(""))
                    .run(context -> assertThat(context)
                            .hasFailed()
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining("needs Jedis 7")
                            .hasMessageContaining("<jedis.version>"));
        }
    }

    @Test
    void aRedisUrl_withoutDialogRedis_stopsTheContext_ratherThanKeepingStacksInMemory() {
        harnessedPizzaShop()
                .withClassLoader(new FilteredClassLoader(RedisDialogs.class))
                .withPropertyValues("tgdialog.redis.url=" + TestRedis.url())
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("dialog-redis is not on the class path"));
    }

    @Test
    void withoutRedis_theBotKeepsItsStacksInMemory() {
        harnessedPizzaShop().run(context -> {
            FakeUser cem = context.getBean(BotHarness.class).user(3003, "Cem");
            cem.send("/start");

            assertThat(cem.lastMessage().text()).isEqualTo("Welcome to Spring Pizza!");
            assertThat(context).doesNotHaveBean(RedisDialogs.class);
            assertThat(context).doesNotHaveBean(StackStore.class);
        });
    }

    /** The example's beans on the harness, without the properties of this class's context. */
    private static ApplicationContextRunner harnessedPizzaShop() {
        return new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(BotHarnessAutoConfiguration.class, TgdialogAutoConfiguration.class))
                .withUserConfiguration(PizzaDialogs.class, Orders.class);
    }
}
