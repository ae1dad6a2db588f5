package dev.tgdialog.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.DialogBot;
import dev.tgdialog.StartMode;
import dev.tgdialog.WindowId;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The README's Redis snippet, compiled and run against a real Redis. */
class ReadmeRedisExampleTest {
    enum Step implements WindowId {
        ONLY
    }

    static final Dialog ORDER = Dialog.builder("order")
            .window(Step.ONLY, w -> w.text("Which size?"))
            .build();

    @Test
    void theReadmeSnippet_keepsTheStackInRedis() {
        FakeTelegram fake = new FakeTelegram();
        TelegramClient telegram = fake.client(new FakeTime());
        try (RedisClient jedis = RedisClient.create(java.net.URI.create(TestRedis.url()))) {
            // spotless:off (the README shows this snippet as it is)
            // --- README: Redis ---
            RedisDialogs redis = RedisDialogs.builder(jedis).ttl(Duration.ofDays(7)).build();
            DialogBot bot = DialogBot.builder(telegram).store(redis.store()).isolation(redis.isolation()).dialogs(ORDER).build();
            // --- end ---
            // spotless:on
            bot.forUser(1001, 1001).start(ORDER, StartMode.RESET_STACK).join();

            assertThat(fake.lastMessage(1001).orElseThrow().text()).isEqualTo("Which size?");
            assertThat(redis.store()
                            .load(StackKey.of(FakeTelegram.BOT_ID, 1001, 1001))
                            .orElseThrow()
                            .frames())
                    .singleElement()
                    .satisfies(f -> assertThat(f.dialogId()).isEqualTo("order"));
            redis.close();
        }
    }
}
